using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneThing.Host.Admin;
using OneThing.Host.Hosting;
using OneThing.Host.Identity;
using OneThing.Host.Persistence;
using OneThing.Workflows.Runtime;
using OpenIddict.Abstractions;

namespace OneThing.Host.Clerk;

/// <summary>
/// A department's queue: the human tasks whose candidate group is the clerk's department (or assigned to
/// them), and completing one with an allowed outcome. Another department's task answers 404.
/// </summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapClerkApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clerk/tasks")
            .WithTags("Clerk · tasks · 待办")
            .RequireAuthorization(AuthorizationPolicies.Clerk);

        group.MapGet("/", ListAsync).WithSummary("My department's tasks, most urgent first");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One task of my department");
        group.MapPost("/{id:guid}/complete", CompleteAsync).WithSummary("Decide a task with one of its outcomes");
        return app;
    }

    public sealed record CompleteRequest(string? Outcome, JsonObject? Data);

    private static async Task<Ok<List<InstancesAdminApi.TaskView>>> ListAsync(AppDbContext db, ClaimsPrincipal user, string status = "Open")
    {
        var parsed = Enum.TryParse<WorkflowTaskStatus>(status, ignoreCase: true, out var s) ? s
            : throw new ProblemException(Problems.ValidationFailed, errors: [new FieldError("#/status", "invalid_status", "Status is Open, Completed or Cancelled.", "状态取值无效。")]);
        var tasks = await Mine(db, user).Where(t => t.Status == parsed)
            .OrderByDescending(t => t.Priority).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt)
            .Take(200).ToListAsync();
        return TypedResults.Ok(tasks.Select(InstancesAdminApi.TaskView.From).ToList());
    }

    private static async Task<Ok<InstancesAdminApi.TaskView>> GetAsync(Guid id, AppDbContext db, ClaimsPrincipal user) =>
        TypedResults.Ok(InstancesAdminApi.TaskView.From(await Mine(db, user).SingleOrDefaultAsync(t => t.Id == id) ?? throw NotFound()));

    private static async Task<NoContent> CompleteAsync(Guid id, CompleteRequest request, AppDbContext db, WorkflowRuntime runtime, ClaimsPrincipal user)
    {
        if (!await Mine(db, user).AnyAsync(t => t.Id == id))
        {
            throw NotFound();
        }

        if (string.IsNullOrWhiteSpace(request.Outcome))
        {
            throw new ProblemException(Problems.ValidationFailed, errors: [new FieldError("#/outcome", "required", "Choose an outcome.", "请选择办理结果。")]);
        }

        var result = await runtime.CompleteTaskAsync(id, request.Outcome, request.Data, WorkflowsAdminApi.Actor(user));
        return result switch
        {
            TaskCompletionResult.Completed => TypedResults.NoContent(),
            TaskCompletionResult.OutcomeNotAllowed => throw new ProblemException(Problems.ValidationFailed, errors:
                [new FieldError("#/outcome", "outcome_not_allowed", $"'{request.Outcome}' is not an outcome of this task.", "该结果不在此待办允许的范围内。")]),
            TaskCompletionResult.AlreadyClosed => throw new ProblemException(Problems.Conflict, "The task has already been decided or cancelled.", "该待办已办结或已取消。"),
            _ => throw NotFound(),
        };
    }

    /// <summary>
    /// Tasks for the caller's department (matching role, if the task names one; a head sees all of the
    /// department's tasks) or assigned to the caller.
    /// </summary>
    private static IQueryable<WorkflowTask> Mine(AppDbContext db, ClaimsPrincipal user)
    {
        var department = user.GetClaim(OneThingClaims.Department);
        var userId = user.GetClaim(OpenIddictConstants.Claims.Subject);
        var roles = user.GetClaims(OpenIddictConstants.Claims.Role).ToList();
        var head = roles.Contains(Roles.DepartmentHead);
        return db.Set<WorkflowTask>().AsNoTracking().Where(t =>
            t.Assignee == userId
            || (department != null && t.CandidateGroup == department && (head || t.CandidateRole == null || roles.Contains(t.CandidateRole))));
    }

    private static ProblemException NotFound() => new(Problems.NotFound, "No such task in your department.", "本部门没有该待办。");
}
