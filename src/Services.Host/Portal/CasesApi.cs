using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Auditing;
using OneThing.Host.Cases;
using OneThing.Host.Cases.Activities;
using OneThing.Host.Cases.Calendar;
using OneThing.Host.Cases.Forms;
using OneThing.Host.Cases.Journeys;
using OneThing.Host.Cases.Model;
using OneThing.Host.Hosting;
using OneThing.Host.Hosting.Abuse;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OneThing.Host.Privacy;
using OneThing.Integrations.Licences;
using OneThing.Workflows.Runtime;

namespace OneThing.Host.Portal;

/// <summary>
/// Applicants' cases: submit once (idempotent), list mine, read one with its timeline, answer a
/// correction request, withdraw, download results. Someone else's case answers 404, as if it did not exist.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases").WithTags("Cases · 办件").RequireAuthorization(AuthorizationPolicies.CaseReader);

        group.MapPost("/", SubmitAsync).RequireAuthorization(AuthorizationPolicies.Applicant)
            .RequireAbuseLimits(AbuseLimit.Submission, AbuseLimit.LicencePull).WithMaxRequestBody(CaseSubmission.MaxRequestBytes)
            .WithName("SubmitCase").WithSummary("Submit one form and one set of materials · 一表申请")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).RequireAuthorization(AuthorizationPolicies.Applicant).WithName("ListMyCases").WithSummary("My cases, newest first · 我的办件");
        group.MapGet("/{number}", GetAsync).WithName("GetCase").WithSummary("One case with its timeline · 办件详情")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{number}/withdrawal", WithdrawAsync).RequireAuthorization(AuthorizationPolicies.Applicant).WithName("WithdrawCase").WithSummary("Withdraw the case · 撤回申请")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{number}/corrections/{id:guid}", CorrectAsync).RequireAuthorization(AuthorizationPolicies.Applicant).WithName("SubmitCorrection")
            .WithMaxRequestBody(CaseSubmission.MaxRequestBytes)
            .WithSummary("Answer a correction request once, with every item · 一次性补正")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{number}/results/{licenceId}", ResultAsync).WithName("GetCaseResult")
            .WithSummary("Download a result: the e-licence a matter produced · 下载办理结果");
        return app;
    }

    public sealed record WithdrawRequest(string? Reason);

    /// <summary>The corrected items: form fields to replace (by JSON pointer) and new files.</summary>
    public sealed record CorrectionRequest(Dictionary<string, JsonNode?>? Fields, List<MaterialUpload>? Materials, string? Note);

    private static async Task<Results<Created<CaseView>, Ok<CaseView>>> SubmitAsync(
        SubmitCaseRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user,
        AppDbContext db, CaseSubmission submission, JourneyCatalogue journeys, ICalendarProvider calendars, AuditTrail trail, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var (@case, created) = await submission.SubmitAsync(caller, idempotencyKey, request, cancellationToken);
        var view = await ViewAsync(db, journeys, calendars, trail, caller, @case, time.GetUtcNow(), withForm: true, cancellationToken);
        return created ? TypedResults.Created($"/api/v1/cases/{@case.Number}", view) : TypedResults.Ok(view);
    }

    private static async Task<Ok<CasePage>> ListAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken,
        string? status = null, string? journey = null, int page = 1, int pageSize = 20)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var mine = db.Cases.AsNoTracking().Where(c => c.OwnerUserId == caller.UserId || c.SubmittedBy == caller.UserId);
        if (status is not null)
        {
            mine = Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var s) ? mine.Where(c => c.Status == s)
                : throw new ProblemException(Problems.ValidationFailed, errors:
                    [new FieldError("#/status", "invalid_status", $"Status is one of {string.Join(", ", Enum.GetNames<CaseStatus>())}.", "办件状态取值无效。")]);
        }

        if (journey is not null)
        {
            mine = mine.Where(c => c.JourneyCode == journey);
        }

        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(c => c.SubmittedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CasePage([.. items.Select(CaseSummary.From)], page, pageSize, total));
    }

    private static async Task<Ok<CaseView>> GetAsync(string number, ClaimsPrincipal user, AppDbContext db, JourneyCatalogue journeys, ICalendarProvider calendars,
        AuditTrail trail, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var @case = await FindVisibleAsync(db, caller, number, cancellationToken);
        return TypedResults.Ok(await ViewAsync(db, journeys, calendars, trail, caller, @case, time.GetUtcNow(), withForm: true, cancellationToken));
    }

    private static async Task<Ok<CaseView>> WithdrawAsync(string number, WithdrawRequest request, ClaimsPrincipal user, AppDbContext db,
        WorkflowRuntime runtime, JourneyCatalogue journeys, ICalendarProvider calendars, AuditTrail trail, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var @case = await FindOwnAsync(db, caller, number, cancellationToken);
        if (request.Reason is { Length: > 500 })
        {
            throw new ProblemException(Problems.ValidationFailed, errors: [new FieldError("#/reason", "too_long", "The reason is at most 500 characters.", "撤回理由不能超过 500 个字。")]);
        }

        if (@case.Status.IsClosed())
        {
            throw new ProblemException(Problems.Conflict, $"The case is already {@case.Status}.", "办件已办结、未通过或已撤回，不能再撤回。");
        }

        var now = time.GetUtcNow();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "申请人撤回" : request.Reason.Trim();
        var accepted = @case.AcceptedAt is not null;
        foreach (var matter in @case.Matters.Where(m => !m.Status.IsFinal()))
        {
            matter.Status = MatterStatus.Cancelled;
            matter.TaskId = null;
        }

        @case.Status = CaseStatus.Withdrawn;
        @case.ClosedAt = now;
        @case.ClosingReason = reason;
        db.AddEvent(@case, now, CaseEventKinds.Withdrawn, caller.UserId, caller.Name,
            detail: accepted ? $"{reason}（受理后撤回：已办结的事项予以撤销）" : $"{reason}（受理前撤回）");

        // Cancelling the instance ends the open tasks and runs each completed matter's compensation (RevokeMatter).
        await runtime.CancelAsync(@case.InstanceId, reason, caller.UserId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ViewAsync(db, journeys, calendars, trail, caller, @case, now, withForm: true, cancellationToken));
    }

    private static async Task<Ok<CaseView>> CorrectAsync(string number, Guid id, CorrectionRequest request, ClaimsPrincipal user, AppDbContext db,
        WorkflowRuntime runtime, JourneyCatalogue journeys, ICalendarProvider calendars, FormValidator validator, AuditTrail trail, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var @case = await FindOwnAsync(db, caller, number, cancellationToken);
        var correction = await db.CaseCorrections.SingleOrDefaultAsync(c => c.Id == id && c.CaseId == @case.Id, cancellationToken)
            ?? throw new ProblemException(Problems.NotFound, "No such correction request on this case.", "该办件没有这条补正通知。");
        if (correction.SubmittedAt is not null || @case.Status.IsClosed())
        {
            throw new ProblemException(Problems.Conflict, "This correction has already been answered.", "该补正已提交，不能重复提交。");
        }

        var journey = await journeys.GetAsync(@case.JourneyCode, @case.JourneyVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Journey {@case.JourneyCode} v{@case.JourneyVersion} is gone.");
        var fields = request.Fields ?? [];
        var uploads = request.Materials ?? [];
        var errors = new List<FieldError>();
        if (fields.Count == 0 && uploads.Count == 0)
        {
            errors.Add(new FieldError("#/fields", "nothing_corrected", "Correct at least one field or provide at least one file.", "请至少修改一项内容或补充一份材料。"));
        }

        var form = JsonNode.Parse(@case.Form)!.AsObject();
        foreach (var (pointer, value) in fields)
        {
            if (!pointer.StartsWith('/') || pointer.Length > 200 || !FormPointer.Set(form, pointer, value?.DeepClone()))
            {
                errors.Add(new FieldError($"#/fields/{pointer.TrimStart('/')}", "invalid_pointer", $"'{pointer}' is not a field of the form.", $"“{pointer}”不是表单中的字段。"));
            }
        }

        errors.AddRange(validator.Validate(journey.CompiledForm, form));
        var files = CaseSubmission.CheckUploads(journey, uploads, errors, requireAll: false);
        if (request.Note is { Length: > 1000 })
        {
            errors.Add(new FieldError("#/note", "too_long", "The note is at most 1000 characters.", "说明不能超过 1000 个字。"));
        }

        if (errors.Count > 0)
        {
            throw new ProblemException(Problems.ValidationFailed, $"{errors.Count} item(s) of the correction need attention.", $"补正内容中有 {errors.Count} 处需要修改。", errors);
        }

        var now = time.GetUtcNow();
        CaseSubmission.AddUploads(db, @case, files, now, replaceSameCode: true);
        @case.Form = form.ToJsonString();
        correction.SubmittedAt = now;
        correction.SubmittedBy = caller.UserId;
        var response = new JsonObject
        {
            ["fields"] = new JsonArray([.. fields.Keys.Select(k => (JsonNode)JsonValue.Create(k))]),
            ["materials"] = new JsonArray([.. files.Select(f => (JsonNode)JsonValue.Create(f.Material.Code))]),
            ["note"] = request.Note,
        };
        correction.Response = response.ToJsonString();
        var result = await runtime.ResumeAsync(correction.BookmarkId, null,
            new JsonObject { ["items"] = response, ["form"] = form.DeepClone(), ["actorName"] = caller.Name }, caller.UserId, cancellationToken);
        if (result != ResumeResult.Resumed)
        {
            throw new ProblemException(Problems.Conflict, "The matter no longer waits for this correction.", "该事项已不再等待此补正。");
        }

        return TypedResults.Ok(await ViewAsync(db, journeys, calendars, trail, caller, @case, now, withForm: true, cancellationToken));
    }

    private static async Task<Ok<LicenceRecord>> ResultAsync(string number, string licenceId, ClaimsPrincipal user, AppDbContext db,
        ILicenceLibrary licences, CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var @case = await FindVisibleAsync(db, caller, number, cancellationToken);
        if (!@case.Matters.Any(m => m.LicenceId == licenceId))
        {
            throw new ProblemException(Problems.NotFound, "This case has no such result.", "该办件没有这项办理结果。");
        }

        return TypedResults.Ok(await licences.GetAsync(licenceId, cancellationToken)
            ?? throw new ProblemException(Problems.NotFound, "The licence library no longer has this licence.", "电子证照库中已无此证照。"));
    }

    /// <summary>The caller's own case (as owner or submitter); anything else is 404.</summary>
    private static async Task<Case> FindOwnAsync(AppDbContext db, Caller caller, string number, CancellationToken cancellationToken) =>
        await db.Cases.Include(c => c.Matters)
            .SingleOrDefaultAsync(c => c.Number == number && (c.OwnerUserId == caller.UserId || c.SubmittedBy == caller.UserId), cancellationToken)
        ?? throw NotFound();

    /// <summary>Own cases, and for department staff the cases that reached their department.</summary>
    internal static async Task<Case> FindVisibleAsync(AppDbContext db, Caller caller, string number, CancellationToken cancellationToken)
    {
        var department = caller.Department;
        var staff = department is not null && (caller.Roles.Contains(Roles.Clerk) || caller.IsHead);
        return await db.Cases.AsNoTracking().Include(c => c.Matters)
            .SingleOrDefaultAsync(c => c.Number == number && (c.OwnerUserId == caller.UserId || c.SubmittedBy == caller.UserId
                || (staff && c.Matters.Any(m => m.DepartmentCode == department && m.Status != MatterStatus.Waiting))), cancellationToken)
            ?? throw NotFound();
    }

    /// <remarks>
    /// The form (full personal data) is shown to the case's owner and submitter and to the clerks working it — the only
    /// callers that reach here — and every such read is audited, saying which of them read it.
    /// </remarks>
    internal static async Task<CaseView> ViewAsync(AppDbContext db, JourneyCatalogue journeys, ICalendarProvider calendars, AuditTrail trail, Caller caller,
        Case @case, DateTimeOffset now, bool withForm, CancellationToken cancellationToken)
    {
        if (withForm)
        {
            var purpose = @case.OwnerUserId == caller.UserId ? "owner's own case view · 本人查看办件"
                : @case.SubmittedBy == caller.UserId ? $"submitter's case view ({@case.ActingAs}) · 代办人查看办件"
                : $"clerk working the case, department {caller.Department} · 承办人员查看办件";
            AuditTrail.Add(db, trail.Event(AuditActions.PersonalDataRead, @case.OwnerUserId is { } owner ? $"user:{owner}" : Masking.Subject(@case.SubjectIdNumber),
                @case.Number, purpose));
            await db.SaveChangesAsync(cancellationToken);
        }

        var journey = await journeys.GetAsync(@case.JourneyCode, @case.JourneyVersion, cancellationToken);
        var materials = await db.CaseMaterials.AsNoTracking().Where(m => m.CaseId == @case.Id).OrderBy(m => m.AddedAt).ThenBy(m => m.Code).ToListAsync(cancellationToken);
        var corrections = await db.CaseCorrections.AsNoTracking().Where(c => c.CaseId == @case.Id).ToListAsync(cancellationToken);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == @case.Id).ToListAsync(cancellationToken);
        var calendar = await calendars.CurrentAsync(cancellationToken);
        return CaseView.From(@case, journey, materials, corrections, events, now, calendar, withForm);
    }

    private static ProblemException NotFound() => new(Problems.NotFound, "No such case among yours.", "您的办件中没有该办件。");
}
