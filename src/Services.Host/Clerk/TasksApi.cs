using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Admin;
using OneThing.Host.Cases.Activities;
using OneThing.Host.Cases.Calendar;
using OneThing.Host.Cases.Model;
using OneThing.Host.Cases;
using OneThing.Host.Hosting;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OneThing.Host.Privacy;
using OneThing.Workflows.Runtime;
using OpenIddict.Abstractions;

namespace OneThing.Host.Clerk;

/// <summary>
/// A department's queue (待办): the tasks whose candidate group is the clerk's department (or assigned to
/// them), most urgent first, with the case and matter they belong to; claim and release; approve, reject
/// with a reason, request every correction at once; heads reassign within the department. A task is decided
/// once — a second decision answers 409. Another department's task answers 404.
/// </summary>
public static partial class TasksApi
{
    public static IEndpointRouteBuilder MapClerkApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clerk/tasks")
            .WithTags("Clerk · tasks · 待办")
            .RequireAuthorization(AuthorizationPolicies.Clerk);

        group.MapGet("/", ListAsync).WithName("ListMyQueue").WithSummary("My department's queue, by deadline · 本部门待办");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetQueueTask").WithSummary("One task of my department");
        group.MapPost("/{id:guid}/claim", ClaimAsync).WithName("ClaimTask").WithSummary("Take the task · 认领").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/release", ReleaseAsync).WithName("ReleaseTask").WithSummary("Give the task back to the queue · 退回待办池");
        group.MapPost("/{id:guid}/approve", ApproveAsync).WithName("ApproveTask").WithSummary("Approve · 通过").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/reject", RejectAsync).WithName("RejectTask").WithSummary("Reject with a reason · 不予通过")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/corrections", RequestCorrectionAsync).WithName("RequestCorrection")
            .WithSummary("Ask for every missing item at once · 一次性告知补正").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/suspend", SuspendAsync).WithName("SuspendMatterClock")
            .WithSummary("Stop the clock for an excluded period (hearing, inspection, expert review, testing) · 暂停计时").ProducesValidationProblem();
        group.MapPost("/{id:guid}/reassign", ReassignAsync).RequireAuthorization(AuthorizationPolicies.DepartmentHead).WithName("ReassignTask").WithSummary("Give the task to a colleague (head only) · 改派")
            .ProducesValidationProblem();
        group.MapPost("/{id:guid}/complete", CompleteAsync).WithName("CompleteTask").WithSummary("Decide a task with one of its outcomes (generic workflows)");

        var suspended = app.MapGroup("/api/v1/clerk/suspended").WithTags("Clerk · tasks · 待办").RequireAuthorization(AuthorizationPolicies.Clerk);
        suspended.MapGet("/", SuspendedAsync).WithName("ListSuspendedMatters").WithSummary("My department's matters whose clock is stopped · 暂停计时的事项");
        suspended.MapPost("/{caseNumber}/{matter}/resume", ResumeClockAsync).WithName("ResumeMatterClock")
            .WithSummary("Restart the clock: the task returns to the queue with the working days that were left · 恢复计时").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record CompleteRequest(string? Outcome, JsonObject? Data);

    public sealed record DecisionRequest(string? Comment);

    public sealed record RejectRequest(string? Reason);

    /// <summary>One missing or wrong item: a form field (JSON pointer) or a material code, and what is wrong.</summary>
    public sealed record CorrectionItem(string? Item, string? Reason, string? ReasonEn);

    public sealed record CorrectionItemsRequest(List<CorrectionItem>? Items);

    public sealed record ReassignRequest(string? UserName);

    public sealed record SuspendRequest(string? Kind, string? Reason);

    public sealed record SuspendedMatter(string CaseNumber, string Matter, string MatterName, string? Reason, DateTimeOffset? SuspendedAt);

    public sealed record QueueTask(
        Guid Id, string Title, string Status, string? Department, string? CaseNumber, string? Journey, string? JourneyName, string? Matter, string? MatterName,
        string? Subject, string? SubjectIdNumber, string? Assignee, string? AssigneeName, DateTimeOffset? DueAt, DateTimeOffset? StatutoryDueAt,
        int? RemainingWorkingDays, bool Overdue, bool Escalated, IReadOnlyList<string> AllowedOutcomes, string? Outcome, string? CompletedBy,
        DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

    public sealed record QueuePage(IReadOnlyList<QueueTask> Items, int Page, int PageSize, int Total);

    private sealed record Row(WorkflowTask Task, Case? Case);

    private static async Task<Ok<QueuePage>> ListAsync(AppDbContext db, ICalendarProvider calendars, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken,
        string status = "Open", string? journey = null, string? matter = null, string? caseNumber = null, string? claimed = null, bool? overdue = null,
        bool? escalated = null,
        int page = 1, int pageSize = 20)
    {
        var parsed = Enum.TryParse<WorkflowTaskStatus>(status, ignoreCase: true, out var s) ? s
            : throw Invalid("#/status", "invalid_status", "Status is Open, Completed or Cancelled.", "状态取值无效。");
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var userId = WorkflowsAdminApi.Actor(user);
        var now = time.GetUtcNow();
        var query = from t in Mine(db, user).Where(t => t.Status == parsed)
                    join c in db.Cases.AsNoTracking() on t.InstanceId equals c.InstanceId into cases
                    from c in cases.DefaultIfEmpty()
                    select new { Task = t, Case = c };
        if (journey is not null)
        {
            query = query.Where(r => r.Case != null && r.Case.JourneyCode == journey);
        }

        if (caseNumber is not null)
        {
            query = query.Where(r => r.Case != null && r.Case.Number == caseNumber);
        }

        if (matter is not null)
        {
            query = query.Where(r => r.Case != null && db.CaseMatters.Any(m => m.CaseId == r.Case.Id && m.Code == matter && m.TaskId == r.Task.Id));
        }

        query = claimed switch
        {
            null or "any" => query,
            "mine" => query.Where(r => r.Task.Assignee == userId),
            "unclaimed" => query.Where(r => r.Task.Assignee == null),
            _ => throw Invalid("#/claimed", "invalid_claimed", "claimed is mine, unclaimed or any.", "认领筛选取值无效（mine / unclaimed / any）。"),
        };
        if (overdue is { } late)
        {
            query = late ? query.Where(r => r.Task.DueAt != null && r.Task.DueAt < now) : query.Where(r => r.Task.DueAt == null || r.Task.DueAt >= now);
        }

        if (escalated is { } up)
        {
            // The heads' escalated queue: tasks whose promised deadline passed while open.
            query = query.Where(r => r.Task.Escalated == up);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(r => r.Task.DueAt == null).ThenBy(r => r.Task.DueAt).ThenByDescending(r => r.Task.Priority).ThenBy(r => r.Task.CreatedAt)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var views = await ViewsAsync(db, calendars, rows.Select(r => new Row(r.Task, r.Case)).ToList(), now, cancellationToken);
        return TypedResults.Ok(new QueuePage(views, page, pageSize, total));
    }

    private static async Task<Ok<QueueTask>> GetAsync(Guid id, AppDbContext db, ICalendarProvider calendars, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var task = await Mine(db, user).SingleOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw NotFound();
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.InstanceId == task.InstanceId, cancellationToken);
        return TypedResults.Ok((await ViewsAsync(db, calendars, [new Row(task, @case)], time.GetUtcNow(), cancellationToken))[0]);
    }

    private static async Task<Ok<QueueTask>> ClaimAsync(Guid id, AppDbContext db, ICalendarProvider calendars, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var (task, matter, @case) = await OpenTaskAsync(db, user, id, cancellationToken);
        if (task.Assignee is { } assignee && assignee != caller.UserId)
        {
            throw new ProblemException(Problems.Conflict, "Another clerk has claimed this task.", "该待办已被其他工作人员认领。");
        }

        await AssignAsync(db, task, matter, @case, caller.UserId, caller.Name, CaseEventKinds.Claimed, caller, null, time, cancellationToken);
        return TypedResults.Ok((await ViewsAsync(db, calendars, [new Row(task, @case)], time.GetUtcNow(), cancellationToken))[0]);
    }

    private static async Task<Ok<QueueTask>> ReleaseAsync(Guid id, AppDbContext db, ICalendarProvider calendars, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var (task, matter, @case) = await OpenTaskAsync(db, user, id, cancellationToken);
        if (task.Assignee is { } assignee && assignee != caller.UserId && !caller.IsHead)
        {
            throw new ProblemException(Problems.Conflict, "Only the clerk who claimed the task (or the head) can release it.", "只有认领人或部门负责人可以退回该待办。");
        }

        await AssignAsync(db, task, matter, @case, null, null, CaseEventKinds.Released, caller, null, time, cancellationToken);
        return TypedResults.Ok((await ViewsAsync(db, calendars, [new Row(task, @case)], time.GetUtcNow(), cancellationToken))[0]);
    }

    private static async Task<Ok<QueueTask>> ReassignAsync(Guid id, ReassignRequest request, AppDbContext db, ICalendarProvider calendars, ClaimsPrincipal user, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        if (!caller.IsHead)
        {
            throw new ProblemException(Problems.Forbidden, "Only the department head reassigns tasks.", "只有部门负责人可以改派待办。");
        }

        var (task, matter, @case) = await OpenTaskAsync(db, user, id, cancellationToken);
        var target = await db.Users.AsNoTracking().Where(u => u.UserName == request.UserName && u.DepartmentCode == caller.Department)
            .Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken)
            ?? throw Invalid("#/userName", "not_in_department", "Reassign to a clerk of your own department (by user name).", "只能改派给本部门的工作人员（填写用户名）。");
        await AssignAsync(db, task, matter, @case, target.Id, target.DisplayName, CaseEventKinds.Reassigned, caller, $"→ {target.DisplayName}", time, cancellationToken);
        return TypedResults.Ok((await ViewsAsync(db, calendars, [new Row(task, @case)], time.GetUtcNow(), cancellationToken))[0]);
    }

    private static Task<NoContent> ApproveAsync(Guid id, DecisionRequest? request, AppDbContext db, WorkflowRuntime runtime, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        DecideAsync(id, MatterOutcomes.Approve, new JsonObject { ["reason"] = Trim(request?.Comment, 500, "#/comment") }, db, runtime, user, cancellationToken);

    private static Task<NoContent> RejectAsync(Guid id, RejectRequest request, AppDbContext db, WorkflowRuntime runtime, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw Invalid("#/reason", "required", "Say why the matter is rejected; the applicant is told.", "请填写不予通过的理由，申请人会看到。");
        }

        return DecideAsync(id, MatterOutcomes.Reject, new JsonObject { ["reason"] = Trim(request.Reason, 1000, "#/reason") }, db, runtime, user, cancellationToken);
    }

    private static Task<NoContent> RequestCorrectionAsync(Guid id, CorrectionItemsRequest request, AppDbContext db, WorkflowRuntime runtime,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (request.Items is not { Count: > 0 and <= 50 } items)
        {
            throw Invalid("#/items", "required", "List every missing or wrong item (1–50) at once.", "请一次性列出全部需要补正的内容（1 至 50 项）。");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i].Item) || items[i].Item!.Length > 200 || !CorrectionItemPattern().IsMatch(items[i].Item!))
            {
                errors.Add(new FieldError($"#/items/{i}/item", "required", "Name the field (a form pointer such as /mother/phone) or the material.", "请写明需补正的字段（如 /mother/phone）或材料。"));
            }

            if (string.IsNullOrWhiteSpace(items[i].Reason) || items[i].Reason!.Length > 500)
            {
                errors.Add(new FieldError($"#/items/{i}/reason", "required", "Say what is missing or wrong (at most 500 characters).", "请写明补正原因（不超过 500 个字）。"));
            }

            if (items[i].ReasonEn is { Length: > 500 })
            {
                errors.Add(new FieldError($"#/items/{i}/reasonEn", "too_long", "The English reason is at most 500 characters.", "英文补正原因不能超过 500 个字符。"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ProblemException(Problems.ValidationFailed, errors: errors);
        }

        var data = new JsonObject { ["items"] = JsonSerializer.SerializeToNode(items, JsonSerializerOptions.Web) };
        return DecideAsync(id, MatterOutcomes.RequestCorrection, data, db, runtime, user, cancellationToken);
    }

    private static Task<NoContent> SuspendAsync(Guid id, SuspendRequest request, AppDbContext db, WorkflowRuntime runtime, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (request.Kind is null || !DepartmentReviewActivity.SuspensionKinds.Contains(request.Kind))
        {
            errors.Add(new FieldError("#/kind", "invalid_kind", $"kind is one of {string.Join(", ", DepartmentReviewActivity.SuspensionKinds)}.", "暂停类型须为听证、现场勘验、专家评审、检验检测或其他。"));
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500)
        {
            errors.Add(new FieldError("#/reason", "required", "Say why the clock stops (at most 500 characters); the applicant is told.", "请填写暂停计时的原因（不超过 500 个字），申请人会看到。"));
        }

        if (errors.Count > 0)
        {
            throw new ProblemException(Problems.ValidationFailed, errors: errors);
        }

        return DecideAsync(id, MatterOutcomes.Suspend, new JsonObject { ["kind"] = request.Kind, ["reason"] = request.Reason!.Trim() }, db, runtime, user, cancellationToken);
    }

    private static async Task<Ok<List<SuspendedMatter>>> SuspendedAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var department = user.GetClaim(OneThingClaims.Department);
        var rows = await (from m in db.CaseMatters.AsNoTracking()
                          join c in db.Cases.AsNoTracking() on m.CaseId equals c.Id
                          where m.Status == MatterStatus.Suspended && m.DepartmentCode == department
                          orderby m.SuspendedAt
                          select new SuspendedMatter(c.Number, m.Code, m.Name, m.SuspensionReason, m.SuspendedAt)).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows);
    }

    private static async Task<NoContent> ResumeClockAsync(string caseNumber, string matter, AppDbContext db, WorkflowRuntime runtime, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var bookmark = await (from m in db.CaseMatters.AsNoTracking()
                              join c in db.Cases.AsNoTracking() on m.CaseId equals c.Id
                              where c.Number == caseNumber && m.Code == matter && m.DepartmentCode == caller.Department && m.Status == MatterStatus.Suspended
                              select m.SuspensionBookmarkId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ProblemException(Problems.NotFound, "No suspended matter of your department by that case number and code.", "本部门没有该暂停计时的事项。");
        var result = await runtime.ResumeAsync(bookmark, null, new JsonObject { ["actorName"] = caller.Name }, caller.UserId, cancellationToken);
        return result == ResumeResult.Resumed ? TypedResults.NoContent() : throw AlreadyDecided();
    }

    private static async Task<NoContent> DecideAsync(Guid id, string outcome, JsonObject data, AppDbContext db, WorkflowRuntime runtime, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var caller = await Caller.OfAsync(user, db, cancellationToken);
        var task = await Mine(db, user).SingleOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw NotFound();
        if (task.Status != WorkflowTaskStatus.Open)
        {
            throw AlreadyDecided();
        }

        if (task.Assignee is { } assignee && assignee != caller.UserId)
        {
            throw new ProblemException(Problems.Conflict, "Another clerk has claimed this task; only they (or a reassignment) can decide it.", "该待办已被其他工作人员认领，只能由认领人办理。");
        }

        data["actorName"] = caller.Name;
        return await runtime.CompleteTaskAsync(id, outcome, data, caller.UserId, cancellationToken) switch
        {
            TaskCompletionResult.Completed => TypedResults.NoContent(),
            TaskCompletionResult.OutcomeNotAllowed => throw Invalid("#/outcome", "outcome_not_allowed", $"'{outcome}' is not a decision of this task.", "该待办不允许此办理结果。"),
            TaskCompletionResult.AlreadyClosed => throw AlreadyDecided(),
            _ => throw NotFound(),
        };
    }

    private static async Task<NoContent> CompleteAsync(Guid id, CompleteRequest request, AppDbContext db, WorkflowRuntime runtime, ClaimsPrincipal user)
    {
        if (!await Mine(db, user).AnyAsync(t => t.Id == id))
        {
            throw NotFound();
        }

        if (string.IsNullOrWhiteSpace(request.Outcome))
        {
            throw Invalid("#/outcome", "required", "Choose an outcome.", "请选择办理结果。");
        }

        var result = await runtime.CompleteTaskAsync(id, request.Outcome, request.Data, WorkflowsAdminApi.Actor(user));
        return result switch
        {
            TaskCompletionResult.Completed => TypedResults.NoContent(),
            TaskCompletionResult.OutcomeNotAllowed => throw Invalid("#/outcome", "outcome_not_allowed", $"'{request.Outcome}' is not an outcome of this task.", "该结果不在此待办允许的范围内。"),
            TaskCompletionResult.AlreadyClosed => throw AlreadyDecided(),
            _ => throw NotFound(),
        };
    }

    private static async Task<(WorkflowTask Task, CaseMatter? Matter, Case? Case)> OpenTaskAsync(AppDbContext db, ClaimsPrincipal user, Guid id,
        CancellationToken cancellationToken)
    {
        var visible = await Mine(db, user).AnyAsync(t => t.Id == id, cancellationToken);
        var task = visible ? await db.Set<WorkflowTask>().SingleAsync(t => t.Id == id, cancellationToken) : throw NotFound();
        if (task.Status != WorkflowTaskStatus.Open)
        {
            throw AlreadyDecided();
        }

        var matter = await db.CaseMatters.SingleOrDefaultAsync(m => m.TaskId == id, cancellationToken);
        var @case = matter is null ? null : await db.Cases.SingleAsync(c => c.Id == matter.CaseId, cancellationToken);
        return (task, matter, @case);
    }

    private static async Task AssignAsync(AppDbContext db, WorkflowTask task, CaseMatter? matter, Case? @case, string? userId, string? name, string kind,
        Caller caller, string? detail, TimeProvider time, CancellationToken cancellationToken)
    {
        task.Assignee = userId;
        task.Revision++;
        if (matter is not null && @case is not null)
        {
            matter.ClaimedBy = userId;
            matter.ClaimedByName = name;
            db.AddEvent(@case, time.GetUtcNow(), kind, caller.UserId, caller.Name, matter.Code, detail);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ProblemException(Problems.Conflict, "The task changed meanwhile; load it again.", "该待办刚被他人处理，请刷新后重试。");
        }
    }

    private static async Task<List<QueueTask>> ViewsAsync(AppDbContext db, ICalendarProvider calendars, List<Row> rows, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var calendar = await calendars.CurrentAsync(cancellationToken);
        var caseIds = rows.Where(r => r.Case is not null).Select(r => r.Case!.Id).Distinct().ToList();
        var matters = await db.CaseMatters.AsNoTracking().Where(m => caseIds.Contains(m.CaseId)).ToListAsync(cancellationToken);
        var assignees = rows.Select(r => r.Task.Assignee).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return rows.Select(r =>
        {
            var t = r.Task;
            var data = t.Data is null ? null : JsonNode.Parse(t.Data);
            var code = data?["matter"]?.GetValue<string>();
            var matter = r.Case is null ? null : matters.FirstOrDefault(m => m.CaseId == r.Case.Id && m.Code == code);
            var open = t.Status == WorkflowTaskStatus.Open;
            return new QueueTask(
                t.Id, t.Title, t.Status.ToString(), t.CandidateGroup, r.Case?.Number, r.Case?.JourneyCode, r.Case?.JourneyName, code, matter?.Name,
                r.Case?.SubjectName, r.Case is null ? null : Masking.Subject(r.Case.SubjectIdNumber),
                t.Assignee, t.Assignee is null ? null : names.GetValueOrDefault(t.Assignee),
                t.DueAt, matter?.StatutoryDueAt,
                open && t.DueAt is { } due ? CaseDeadlines.RemainingWorkingDays(now, due, calendar) : null,
                open && t.DueAt < now, t.Escalated,
                JsonSerializer.Deserialize<List<string>>(t.AllowedOutcomes) ?? [], t.Outcome, t.CompletedBy, t.CreatedAt, t.CompletedAt);
        }).ToList();
    }

    /// <summary>
    /// Tasks for the caller's department (matching role, if the task names one; a head sees all of the
    /// department's tasks) or assigned to the caller.
    /// </summary>
    private static IQueryable<WorkflowTask> Mine(AppDbContext db, ClaimsPrincipal user)
    {
        var department = user.GetClaim(OneThingClaims.Department);
        var userId = user.GetClaim(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject);
        var roles = user.GetClaims(OpenIddict.Abstractions.OpenIddictConstants.Claims.Role).ToList();
        var head = roles.Contains(Roles.DepartmentHead);
        return db.Set<WorkflowTask>().AsNoTracking().Where(t =>
            t.Assignee == userId
            || (department != null && t.CandidateGroup == department && (head || t.CandidateRole == null || roles.Contains(t.CandidateRole))));
    }

    private static string? Trim(string? text, int max, string pointer) =>
        text is { Length: > 0 } && text.Length > max
            ? throw Invalid(pointer, "too_long", $"At most {max} characters.", $"不能超过 {max} 个字。")
            : string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ProblemException Invalid(string pointer, string code, string detail, string detailZh) =>
        new(Problems.ValidationFailed, errors: [new FieldError(pointer, code, detail, detailZh)]);

    private static ProblemException AlreadyDecided() =>
        new(Problems.Conflict, "The task has already been decided or cancelled.", "该待办已办结或已取消，不能重复办理。");

    private static ProblemException NotFound() => new(Problems.NotFound, "No such task in your department.", "本部门没有该待办。");

    /// <summary>A form field as a JSON pointer (<c>/mother/phone</c>, <c>/shareholders/0/idNumber</c>) or a material code (<c>birth-medical-certificate</c>).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:/[A-Za-z0-9_-]+)+|[a-z0-9][a-z0-9-]*)$")]
    private static partial System.Text.RegularExpressions.Regex CorrectionItemPattern();
}
