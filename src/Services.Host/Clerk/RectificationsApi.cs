using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Cases;
using OneThing.Host.Cases.Activities;
using OneThing.Host.Cases.Evaluations;
using OneThing.Host.Hosting;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OneThing.Host.Portal;

namespace OneThing.Host.Clerk;

/// <summary>
/// A department head's rectifications of bad reviews (差评整改): list the department's, record the call-back to the
/// applicant (回访, due within 1 working day) and then the fix (整改, due within 5). The applicant is told of each
/// through the outbox. Only heads act (403 for clerks); another department's rectification answers 404.
/// </summary>
public static class RectificationsApi
{
    public static IEndpointRouteBuilder MapRectificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clerk/rectifications").WithTags("Clerk · rectifications · 差评整改")
            .RequireAuthorization(AuthorizationPolicies.DepartmentHead);

        group.MapGet("/", ListAsync).WithName("ListRectifications").WithSummary("My department's rectifications, most urgent first · 本部门整改")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetRectification").WithSummary("One rectification of my department")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/call-back", CallBackAsync).WithName("CallBackApplicant").WithSummary("The applicant was called back · 回访")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/fix", FixAsync).WithName("FixRectification").WithSummary("The problem is fixed · 整改完成")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record NoteRequest(string? Note);

    /// <summary>A rectification in the head's list, with the rating that opened it.</summary>
    public sealed record RectificationItem(RectificationView Rectification, string Overall, string OverallZh, string Channel,
        IReadOnlyDictionary<string, string> Levels, string? Comment, DateTimeOffset RatedAt);

    private static async Task<Ok<List<RectificationItem>>> ListAsync(ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken cancellationToken,
        string? status = null)
    {
        var caller = await HeadAsync(user, db, cancellationToken);
        var query = db.Set<Rectification>().AsNoTracking().Where(r => r.DepartmentCode == caller.Department);
        if (status is not null)
        {
            query = Enum.TryParse<RectificationStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _)
                ? query.Where(r => r.Status == s)
                : throw new ProblemException(Problems.ValidationFailed, errors:
                    [new FieldError("#/status", "invalid_status", "Status is Open, CalledBack or Fixed.", "整改状态只能是 Open（待回访）、CalledBack（已回访）或 Fixed（已整改）。")]);
        }

        var rows = await (from r in query
                          join e in db.Set<Evaluation>().AsNoTracking() on r.EvaluationId equals e.Id
                          select new { Rectification = r, Evaluation = e }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(rows
            .OrderBy(r => r.Rectification.Status == RectificationStatus.Fixed)
            .ThenBy(r => r.Rectification.Status == RectificationStatus.Open ? r.Rectification.CallBackDueAt : r.Rectification.FixDueAt)
            .Select(r => Item(r.Rectification, r.Evaluation, now)).ToList());
    }

    private static async Task<Ok<RectificationItem>> GetAsync(Guid id, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await HeadAsync(user, db, cancellationToken);
        var rectification = await FindAsync(db, caller, id, cancellationToken);
        var evaluation = await db.Set<Evaluation>().AsNoTracking().SingleAsync(e => e.Id == rectification.EvaluationId, cancellationToken);
        return TypedResults.Ok(Item(rectification, evaluation, time.GetUtcNow()));
    }

    private static async Task<Ok<RectificationView>> CallBackAsync(Guid id, NoteRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = await HeadAsync(user, db, cancellationToken);
        var rectification = await FindAsync(db, caller, id, cancellationToken);
        if (rectification.Status != RectificationStatus.Open)
        {
            throw new ProblemException(Problems.Conflict, "The applicant has already been called back.", "已回访，不能重复回访。");
        }

        var note = Note(request);
        var now = time.GetUtcNow();
        rectification.Status = RectificationStatus.CalledBack;
        rectification.CalledBackAt = now;
        rectification.CalledBackBy = caller.UserId;
        rectification.CalledBackByName = caller.Name;
        rectification.CallBackNote = note;
        await RecordAsync(db, rectification, caller, now, EvaluationEventKinds.CalledBack, note, "差评回访",
            department => $"{department}已就您对办件 {rectification.CaseNumber} 的评价进行回访：{note}", cancellationToken);
        return TypedResults.Ok(RectificationView.From(rectification, now));
    }

    private static async Task<Ok<RectificationView>> FixAsync(Guid id, NoteRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = await HeadAsync(user, db, cancellationToken);
        var rectification = await FindAsync(db, caller, id, cancellationToken);
        if (rectification.Status != RectificationStatus.CalledBack)
        {
            throw rectification.Status == RectificationStatus.Open
                ? new ProblemException(Problems.Conflict, "Call the applicant back first.", "请先回访申请人，再登记整改结果。")
                : new ProblemException(Problems.Conflict, "The rectification is already fixed.", "整改已完成，不能重复登记。");
        }

        var note = Note(request);
        var now = time.GetUtcNow();
        rectification.Status = RectificationStatus.Fixed;
        rectification.FixedAt = now;
        rectification.FixedBy = caller.UserId;
        rectification.FixedByName = caller.Name;
        rectification.FixNote = note;
        await RecordAsync(db, rectification, caller, now, EvaluationEventKinds.Rectified, note, "差评整改完成",
            department => $"{department}已完成对办件 {rectification.CaseNumber} 的整改：{note}。欢迎您再次评价。", cancellationToken);
        return TypedResults.Ok(RectificationView.From(rectification, now));
    }

    /// <summary>The step on the case's timeline and the applicant's notification, committed with the change in one save.</summary>
    private static async Task RecordAsync(AppDbContext db, Rectification rectification, Caller caller, DateTimeOffset now, string kind, string note, string title,
        Func<string, string> body, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.SingleAsync(c => c.Id == rectification.CaseId, cancellationToken);
        var department = await db.Departments.AsNoTracking().Where(d => d.Code == rectification.DepartmentCode).Select(d => d.Name)
            .SingleOrDefaultAsync(cancellationToken) ?? rectification.DepartmentCode;
        db.AddEvent(@case, now, kind, caller.UserId, caller.Name, detail: $"{rectification.DepartmentCode}: {note}");
        db.NotifyOwner(@case, $"rectification/{rectification.Id}/{kind}", title, body(department));
        rectification.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ProblemException(Problems.Conflict, "The rectification changed meanwhile; load it again.", "该整改刚被他人处理，请刷新后重试。");
        }
    }

    private static RectificationItem Item(Rectification r, Evaluation e, DateTimeOffset now) => new(
        RectificationView.From(r, now), e.Overall.ToString(), e.Overall.Zh(), e.Channel.ToString(),
        JsonSerializer.Deserialize<Dictionary<string, string>>(e.Levels) ?? [], e.Comment, e.At);

    /// <summary>Only department heads answer for bad reviews.</summary>
    private static async Task<Caller> HeadAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        return caller.IsHead && caller.Department is not null ? caller
            : throw new ProblemException(Problems.Forbidden, "Only the department head handles rectifications.", "只有部门负责人可以处理差评整改。");
    }

    private static async Task<Rectification> FindAsync(AppDbContext db, Caller caller, Guid id, CancellationToken cancellationToken) =>
        await db.Set<Rectification>().SingleOrDefaultAsync(r => r.Id == id && r.DepartmentCode == caller.Department, cancellationToken)
        ?? throw new ProblemException(Problems.NotFound, "No such rectification in your department.", "本部门没有该整改事项。");

    private static string Note(NoteRequest request) =>
        string.IsNullOrWhiteSpace(request.Note)
            ? throw Invalid("required", "Say what was done; the applicant is told.", "请填写处理情况，申请人会收到通知。")
            : request.Note.Length > Rectification.MaxNote
                ? throw Invalid("too_long", $"The note is at most {Rectification.MaxNote} characters.", $"处理情况不能超过 {Rectification.MaxNote} 个字。")
                : request.Note.Trim();

    private static ProblemException Invalid(string code, string detail, string detailZh) =>
        new(Problems.ValidationFailed, errors: [new FieldError("#/note", code, detail, detailZh)]);
}
