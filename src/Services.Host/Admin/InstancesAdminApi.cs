using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Auditing;
using OneThing.Host.Hosting;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OneThing.Workflows.Runtime;

namespace OneThing.Host.Admin;

/// <summary>
/// Running and finished instances for administrators: list and filter, one instance with its journal,
/// bookmarks, tasks and incidents; start, cancel (compensating), retry incidents, migrate to another
/// version (with a dry run), and the dead letters of undeliverable resumes.
/// </summary>
public static class InstancesAdminApi
{
    public static IEndpointRouteBuilder MapInstancesAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/instances")
            .WithTags("Admin · instances · 流程实例")
            .RequireAuthorization(AuthorizationPolicies.Admin);

        group.MapGet("/", ListAsync).WithSummary("Instances, newest first, filtered by definition, status or correlation");
        group.MapPost("/", StartAsync).WithSummary("Start an instance of a published definition");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One instance with journal, bookmarks, tasks and incidents");
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithSummary("Cancel: waiting activities end, completed ones are compensated");
        group.MapPost("/{id:guid}/incidents/{incidentId:guid}/retry", RetryAsync).WithSummary("Run the faulted activity again");
        group.MapPost("/migrate", MigrateAsync).WithSummary("Move instances to another version with an activity mapping; dryRun reports only");
        group.MapGet("/dead-letters", (DeadLetters letters, bool includeReplayed = false) => letters.ListAsync(includeReplayed))
            .WithSummary("Resumes that could not be delivered");
        group.MapPost("/dead-letters/{id:guid}/replay", ReplayAsync).WithSummary("Queue a dead-lettered resume again");
        return app;
    }

    public sealed record StartRequest(string? DefinitionId, JsonObject? Input, string? CorrelationId);

    public sealed record CancelRequest(string? Reason);

    public sealed record MigrateRequest(string? DefinitionId, int FromVersion, int ToVersion, Dictionary<string, string>? Mapping, bool DryRun = true, List<Guid>? InstanceIds = null);

    public sealed record InstanceSummary(Guid Id, string DefinitionId, int Version, string Status, string? CorrelationId, Guid? ParentInstanceId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt)
    {
        public static InstanceSummary From(WorkflowInstance i) =>
            new(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status.ToString(), i.CorrelationId, i.ParentInstanceId, i.CreatedAt, i.UpdatedAt, i.CompletedAt);
    }

    public sealed record InstancePage(IReadOnlyList<InstanceSummary> Items, int Page, int PageSize, int Total);

    public sealed record InstanceDetail(
        InstanceSummary Instance,
        JsonElement Variables,
        IReadOnlyList<string> WaitingIn,
        IReadOnlyList<WorkflowJournalEntry> Journal,
        IReadOnlyList<WorkflowBookmark> Bookmarks,
        IReadOnlyList<TaskView> Tasks,
        IReadOnlyList<WorkflowIncident> Incidents);

    public sealed record TaskView(Guid Id, string ActivityId, string Title, string Status, string? CandidateRole, string? CandidateGroup, string? Assignee, DateTimeOffset? DueAt, int Priority, IReadOnlyList<string> AllowedOutcomes, bool Escalated, string? Outcome, string? CompletedBy, DateTimeOffset? CompletedAt)
    {
        public static TaskView From(WorkflowTask t) => new(t.Id, t.ActivityId, t.Title, t.Status.ToString(), t.CandidateRole, t.CandidateGroup, t.Assignee, t.DueAt, t.Priority,
            JsonSerializer.Deserialize<List<string>>(t.AllowedOutcomes) ?? [], t.Escalated, t.Outcome, t.CompletedBy, t.CompletedAt);
    }

    private static async Task<Ok<InstancePage>> ListAsync(
        AppDbContext db, string? definitionId, string? status, string? correlationId, int page = 1, int pageSize = 50)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = db.Set<WorkflowInstance>().AsNoTracking();
        if (definitionId is not null)
        {
            query = query.Where(i => i.DefinitionId == definitionId);
        }

        if (status is not null)
        {
            if (!Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var parsed))
            {
                throw new ProblemException(Problems.ValidationFailed, errors:
                    [new FieldError("#/status", "invalid_status", $"Status is one of {string.Join(", ", Enum.GetNames<InstanceStatus>())}.", "状态取值无效。")]);
            }

            query = query.Where(i => i.Status == parsed);
        }

        if (correlationId is not null)
        {
            query = query.Where(i => i.CorrelationId == correlationId);
        }

        var total = await query.CountAsync();
        var items = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return TypedResults.Ok(new InstancePage(items.Select(InstanceSummary.From).ToList(), page, pageSize, total));
    }

    private static async Task<Created<InstanceSummary>> StartAsync(StartRequest request, WorkflowRuntime runtime, ClaimsPrincipal user)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionId))
        {
            throw new ProblemException(Problems.ValidationFailed, errors: [new FieldError("#/definitionId", "required", "Name the definition to start.", "请指定要启动的流程。")]);
        }

        var instance = await runtime.StartAsync(request.DefinitionId, request.Input, WorkflowsAdminApi.Actor(user), request.CorrelationId);
        return TypedResults.Created($"/api/v1/admin/instances/{instance.Id}", InstanceSummary.From(instance));
    }

    private static async Task<Results<Ok<InstanceDetail>, ProblemHttpResult>> GetAsync(Guid id, AppDbContext db, AuditTrail trail)
    {
        var instance = await db.Set<WorkflowInstance>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id)
            ?? throw NotFound(id);
        // The variables hold the case's form and pulled licences in full: an administrator's read of personal data.
        AuditTrail.Add(db, trail.Event(AuditActions.PersonalDataRead, $"WorkflowInstance:{id}", instance.CorrelationId, "administration: instance variables · 管理员查看流程实例"));
        await db.SaveChangesAsync();
        var state = JsonNode.Parse(instance.State)!.AsObject();
        var journal = await db.Set<WorkflowJournalEntry>().AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Id).Take(1000).ToListAsync();
        var bookmarks = await db.Set<WorkflowBookmark>().AsNoTracking().Where(b => b.InstanceId == id).OrderBy(b => b.CreatedAt).ToListAsync();
        var tasks = await db.Set<WorkflowTask>().AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.CreatedAt).ToListAsync();
        var incidents = await db.Set<WorkflowIncident>().AsNoTracking().Where(i => i.InstanceId == id).OrderBy(i => i.CreatedAt).ToListAsync();
        var waiting = state["waiting"]?.AsArray().Select(w => w!["activityId"]!.GetValue<string>()).ToList() ?? [];
        return TypedResults.Ok(new InstanceDetail(
            InstanceSummary.From(instance),
            JsonSerializer.SerializeToElement(state["variables"] ?? new JsonObject()),
            waiting,
            journal,
            bookmarks,
            tasks.Select(TaskView.From).ToList(),
            incidents));
    }

    private static async Task<NoContent> CancelAsync(Guid id, CancelRequest? request, WorkflowRuntime runtime, AppDbContext db, ClaimsPrincipal user)
    {
        if (!await runtime.CancelAsync(id, request?.Reason ?? "Cancelled by an administrator.", WorkflowsAdminApi.Actor(user)))
        {
            throw await db.Set<WorkflowInstance>().AnyAsync(i => i.Id == id)
                ? new ProblemException(Problems.Conflict, "The instance has already ended.", "该流程实例已结束。")
                : NotFound(id);
        }

        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RetryAsync(Guid id, Guid incidentId, WorkflowRuntime runtime, ClaimsPrincipal user)
    {
        if (!await runtime.RetryIncidentAsync(incidentId, WorkflowsAdminApi.Actor(user)))
        {
            throw new ProblemException(Problems.Conflict, "No open incident with that id.", "没有该待处理的异常。");
        }

        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<MigrationReport>>> MigrateAsync(MigrateRequest request, InstanceMigrator migrator, ClaimsPrincipal user)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionId) || request.FromVersion < 1 || request.ToVersion < 1)
        {
            throw new ProblemException(Problems.ValidationFailed, errors:
                [new FieldError("#/definitionId", "required", "Give definitionId, fromVersion and toVersion.", "请提供流程编号、源版本和目标版本。")]);
        }

        var reports = await migrator.MigrateAsync(
            new MigrationRequest(request.DefinitionId, request.FromVersion, request.ToVersion, request.Mapping ?? [], request.DryRun, request.InstanceIds),
            WorkflowsAdminApi.Actor(user));
        return TypedResults.Ok(reports);
    }

    private static async Task<NoContent> ReplayAsync(Guid id, DeadLetters letters)
    {
        if (!await letters.ReplayAsync(id))
        {
            throw new ProblemException(Problems.Conflict, "No dead letter with that id is waiting for a replay.", "没有待重放的该条死信。");
        }

        return TypedResults.NoContent();
    }

    private static ProblemException NotFound(Guid id) =>
        new(Problems.NotFound, $"No workflow instance {id}.", "未找到该流程实例。");
}
