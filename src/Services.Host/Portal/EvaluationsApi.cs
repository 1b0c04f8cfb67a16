using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Cases.Activities;
using OneThing.Host.Cases.Evaluations;
using OneThing.Host.Cases.Journeys;
using OneThing.Host.Cases.Model;
using OneThing.Host.Cases;
using OneThing.Host.Hosting;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OneThing.Host.Privacy;

namespace OneThing.Host.Portal;

/// <summary>
/// 好差评: the applicant rates a completed case once (online), or the window clerk who filed an assisted case rates
/// it at the window on the applicant's behalf. A bad review opens a rectification per department involved; once
/// every one is fixed the applicant may rate once more (follow-up). Someone else's case answers 404.
/// </summary>
public static class EvaluationsApi
{
    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases/{number}/evaluations").WithTags("Evaluations · 好差评").RequireAuthorization(AuthorizationPolicies.CaseReader);

        group.MapPost("/", EvaluateAsync).RequireAuthorization(AuthorizationPolicies.Applicant).WithName("EvaluateCase").WithSummary("Rate a completed case once · 办件评价")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithName("ListCaseEvaluations").WithSummary("The case's ratings and their rectifications · 评价与整改")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/follow-up", FollowUpAsync).RequireAuthorization(AuthorizationPolicies.Applicant).WithName("FollowUpEvaluation")
            .WithSummary("Rate once more after a bad review was rectified · 整改后追评")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Created<EvaluationView>> EvaluateAsync(string number, EvaluationRequest request, ClaimsPrincipal user, AppDbContext db,
        JourneyCatalogue journeys, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var (@case, channel) = await FindRatedAsync(db, caller, number, cancellationToken);
        if (@case.Status != CaseStatus.Completed)
        {
            throw new ProblemException(Problems.Conflict, $"Only a completed case is rated; this one is {@case.Status}.", "办件办结后才能评价。");
        }

        if (await db.Set<Evaluation>().AnyAsync(e => e.CaseId == @case.Id && e.Kind == EvaluationKind.Initial, cancellationToken))
        {
            throw AlreadyRated();
        }

        var rating = Check(request, channel, @case);
        var lead = (await journeys.GetAsync(@case.JourneyCode, @case.JourneyVersion, cancellationToken))?.LeadDepartment
            ?? throw new InvalidOperationException($"Journey {@case.JourneyCode} v{@case.JourneyVersion} is gone.");
        var now = time.GetUtcNow();
        var evaluation = EvaluationRecords.Create(@case, lead, rating, caller, EvaluationKind.Initial, null, now);
        var rectifications = rating.Bad ? EvaluationRecords.Open(evaluation, @case, rating, now) : [];
        db.Add(evaluation);
        db.AddRange(rectifications);
        db.AddEvent(@case, now, EvaluationEventKinds.Evaluated, caller.UserId, caller.Name,
            detail: $"{rating.Channel}: {rating.Overall.Zh()}{(rating.Bad ? "（差评）" : string.Empty)}", onBehalfOf: OnBehalfOf(@case, channel));
        foreach (var r in rectifications)
        {
            db.AddEvent(@case, now, EvaluationEventKinds.RectificationOpened, "system:evaluations", detail: $"{r.DepartmentCode}: 回访 {r.CallBackDueAt:O}，整改 {r.FixDueAt:O}");
        }

        await SaveOnceAsync(db, evaluation, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{@case.Number}/evaluations/{evaluation.Id}", EvaluationView.From(evaluation, rectifications, now));
    }

    private static async Task<Created<EvaluationView>> FollowUpAsync(string number, Guid id, EvaluationRequest request, ClaimsPrincipal user, AppDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var (@case, channel) = await FindRatedAsync(db, caller, number, cancellationToken);
        var initial = await db.Set<Evaluation>().AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == id && e.CaseId == @case.Id && e.Kind == EvaluationKind.Initial, cancellationToken)
            ?? throw new ProblemException(Problems.NotFound, "No such rating of this case.", "该办件没有这条评价。");
        if (!initial.Bad)
        {
            throw new ProblemException(Problems.Conflict, "Only a bad review is followed up.", "只有差评整改后才能追评。");
        }

        var open = await db.Set<Rectification>().CountAsync(r => r.EvaluationId == id && r.Status != RectificationStatus.Fixed, cancellationToken);
        if (open > 0)
        {
            throw new ProblemException(Problems.Conflict, $"{open} rectification(s) are not fixed yet; rate again once they are.", "整改尚未完成，整改完成后才能追评。");
        }

        if (await db.Set<Evaluation>().AnyAsync(e => e.CaseId == @case.Id && e.Kind == EvaluationKind.FollowUp, cancellationToken))
        {
            throw AlreadyRated();
        }

        var rating = Check(request, channel, @case);
        var now = time.GetUtcNow();
        var followUp = EvaluationRecords.Create(@case, initial.LeadDepartment, rating, caller, EvaluationKind.FollowUp, id, now);
        db.Add(followUp);
        db.AddEvent(@case, now, EvaluationEventKinds.FollowedUp, caller.UserId, caller.Name, detail: $"{rating.Channel}: {rating.Overall.Zh()}",
            onBehalfOf: OnBehalfOf(@case, channel));
        await SaveOnceAsync(db, followUp, cancellationToken);
        return TypedResults.Created($"/api/v1/cases/{@case.Number}/evaluations/{followUp.Id}", EvaluationView.From(followUp, [], now));
    }

    private static async Task<Ok<List<EvaluationView>>> ListAsync(string number, ClaimsPrincipal user, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var @case = await CasesApi.FindVisibleAsync(db, caller, number, cancellationToken);
        var evaluations = await db.Set<Evaluation>().AsNoTracking().Where(e => e.CaseId == @case.Id).ToListAsync(cancellationToken);
        var rectifications = await db.Set<Rectification>().AsNoTracking().Where(r => r.CaseId == @case.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(evaluations.OrderBy(e => e.At).Select(e => EvaluationView.From(e, rectifications, now)).ToList());
    }

    /// <summary>
    /// The case the caller may rate and through which channel: their own (online), or an assisted case they filed as
    /// a window clerk (at the window). Anything else is 404.
    /// </summary>
    private static async Task<(Case Case, EvaluationChannel Channel)> FindRatedAsync(AppDbContext db, Caller caller, string number, CancellationToken cancellationToken)
    {
        var windowClerk = caller.IsWindowClerk;
        var @case = await db.Cases.Include(c => c.Matters)
            .SingleOrDefaultAsync(c => c.Number == number
                && (c.OwnerUserId == caller.UserId || (windowClerk && c.SubmittedBy == caller.UserId && c.ActingAs == WindowClerkActing)), cancellationToken)
            ?? throw new ProblemException(Problems.NotFound, "No such case among yours.", "您的办件中没有该办件。");
        return (@case, @case.OwnerUserId == caller.UserId ? EvaluationChannel.Online : EvaluationChannel.Window);
    }

    private const string WindowClerkActing = "window-clerk";

    private static CheckedRating Check(EvaluationRequest request, EvaluationChannel channel, Case @case)
    {
        var errors = new List<FieldError>();
        return EvaluationRequestCheck.Check(request, channel, [.. @case.Matters.Select(m => m.Code)], errors)
            ?? throw new ProblemException(Problems.ValidationFailed, $"{errors.Count} item(s) of the rating need attention.", $"评价内容中有 {errors.Count} 处需要修改。", errors);
    }

    private static string? OnBehalfOf(Case @case, EvaluationChannel channel) =>
        channel == EvaluationChannel.Window ? $"{@case.SubjectName}（{Masking.Subject(@case.SubjectIdNumber)}）" : null;

    /// <summary>Saves; a concurrent rating of the same kind loses on the unique index and is told it is a repeat.</summary>
    private static async Task SaveOnceAsync(AppDbContext db, Evaluation evaluation, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            var repeat = await db.Set<Evaluation>().AsNoTracking()
                .AnyAsync(e => e.CaseId == evaluation.CaseId && e.Kind == evaluation.Kind && e.Id != evaluation.Id, CancellationToken.None);
            if (repeat)
            {
                throw AlreadyRated();
            }

            throw;
        }
    }

    private static ProblemException AlreadyRated() => new(Problems.Conflict, "This case has already been rated.", "该办件已评价，不能重复评价。");
}
