using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OneThing.Workflows.Activities;
using OneThing.Workflows.Definitions;
using OneThing.Workflows.Execution;
using OneThing.Workflows.Messages;
using OneThing.Workflows.Messaging;

namespace OneThing.Workflows.Runtime;

/// <summary>
/// The durable side of the engine. Every operation loads an instance, lets the engine run it until it
/// waits, and commits the new state with its bookmarks, timers, tasks, journal, incidents and outgoing
/// messages in one <c>SaveChanges</c> — all or nothing. The instance row's revision makes concurrent
/// runs of one instance serialize: the loser reloads and runs again on the winner's state.
/// </summary>
public sealed class WorkflowRuntime(
    DbContextAccessor accessor,
    WorkflowEngine engine,
    DefinitionStore definitions,
    TimeProvider time,
    ILogger<WorkflowRuntime> logger)
{
    private const int MaxConflictRetries = 20;

    internal static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    private DbContext Db => accessor.Context;

    /// <summary>Starts an instance of the published version of <paramref name="definitionId"/> and runs it until it waits.</summary>
    /// <remarks>
    /// A caller that keeps its own rows about the instance (a case) may choose <paramref name="instanceId"/> so
    /// those rows carry it and commit in the same transaction as the instance's first run.
    /// </remarks>
    public async Task<WorkflowInstance> StartAsync(
        string definitionId, JsonObject? input, string actor, string? correlationId = null, CancellationToken cancellationToken = default, Guid? instanceId = null)
    {
        var definition = await definitions.GetPublishedAsync(definitionId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No published version of workflow '{definitionId}'.");
        var now = time.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = instanceId ?? Guid.CreateVersion7(),
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            Status = InstanceStatus.Running,
            State = "{}",
            CorrelationId = correlationId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Db.Add(instance);
        await RunStartAsync(instance, definition, input, actor, now, cancellationToken);
        return instance;
    }

    /// <summary>Runs a child instance that its parent created (status Pending).</summary>
    public async Task StartPendingAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        await WithConflictRetryAsync(async () =>
        {
            var instance = await Db.Set<WorkflowInstance>().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
            if (instance is not { Status: InstanceStatus.Pending })
            {
                return;
            }

            var now = time.GetUtcNow();
            var definition = await definitions.GetPublishedAsync(instance.DefinitionId, cancellationToken);
            if (definition is null)
            {
                instance.Status = InstanceStatus.Faulted;
                instance.Revision++;
                AddJournal(instance.Id, new JournalRecord(now, "Faulted", null, null, null, "system", null, $"No published version of '{instance.DefinitionId}'."));
                await Db.SaveChangesAsync(cancellationToken);
                return;
            }

            instance.DefinitionVersion = definition.Version;
            var state = Read(instance);
            await RunStartAsync(instance, definition, state.Input, "system:parent", now, cancellationToken);
        });
    }

    /// <summary>
    /// Resumes a bookmark. A bookmark already closed (resumed or cancelled) is a duplicate and ignored;
    /// one that does not exist (yet) is reported so the caller can retry and finally dead-letter it.
    /// </summary>
    public Task<ResumeResult> ResumeAsync(Guid bookmarkId, string? outcome, JsonObject? data, string actor, CancellationToken cancellationToken = default) =>
        WithConflictRetryAsync(() => ResumeCoreAsync(bookmarkId, outcome, data, actor, beforeRun: null, cancellationToken));

    /// <summary>Completes a human task with one of its outcomes; a task completes once.</summary>
    public Task<TaskCompletionResult> CompleteTaskAsync(Guid taskId, string outcome, JsonObject? data, string actor, CancellationToken cancellationToken = default) =>
        WithConflictRetryAsync(async () =>
            await ResumeCoreAsync(taskId, outcome, data, actor, beforeRun: null, cancellationToken, requireTask: true) switch
            {
                ResumeResult.Resumed => TaskCompletionResult.Completed,
                ResumeResult.Rejected => TaskCompletionResult.OutcomeNotAllowed,
                ResumeResult.NotFound => TaskCompletionResult.NotFound,
                _ => TaskCompletionResult.AlreadyClosed,
            });

    /// <summary>Cancels an instance: its waiting activities end and completed ones are compensated, newest first.</summary>
    public Task<bool> CancelAsync(Guid instanceId, string reason, string actor, CancellationToken cancellationToken = default) =>
        WithConflictRetryAsync(async () =>
        {
            var instance = await Db.Set<WorkflowInstance>().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
            if (instance is null || instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
            {
                return false;
            }

            var definition = await DefinitionOfAsync(instance, cancellationToken);
            var state = Read(instance);
            var now = time.GetUtcNow();
            var effects = await engine.CancelAsync(new WorkflowEngine.RunRequest(instance.Id, definition, state, now, actor), reason);
            await PersistAsync(instance, state, effects, now, cancellationToken);
            await Db.SaveChangesAsync(cancellationToken);
            return true;
        });

    /// <summary>Runs the faulted activity of an incident again (same execution, same idempotency key).</summary>
    public Task<bool> RetryIncidentAsync(Guid incidentId, string actor, CancellationToken cancellationToken = default) =>
        WithConflictRetryAsync(async () =>
        {
            var incident = await Db.Set<WorkflowIncident>().SingleOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
            if (incident is null || incident.ResolvedAt is not null)
            {
                return false;
            }

            var result = await ResumeCoreAsync(incident.BookmarkId, null, null, actor, () =>
            {
                incident.ResolvedAt = time.GetUtcNow();
                incident.ResolvedBy = actor;
            }, cancellationToken);
            return result == ResumeResult.Resumed;
        });

    private async Task RunStartAsync(WorkflowInstance instance, WorkflowDefinition definition, JsonObject? input, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var span = Telemetry.Source.StartActivity("workflow start");
        span?.SetTag("workflow.definition", definition.Id);
        span?.SetTag("workflow.instance.id", instance.Id);
        var state = new InstanceState();
        var effects = await engine.StartAsync(new WorkflowEngine.RunRequest(instance.Id, definition, state, now, actor), input);
        instance.Status = InstanceStatus.Running;
        await PersistAsync(instance, state, effects, now, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        Telemetry.InstancesStarted.Add(1, new KeyValuePair<string, object?>("workflow.definition", definition.Id));
    }

    private async Task<ResumeResult> ResumeCoreAsync(
        Guid bookmarkId, string? outcome, JsonObject? data, string actor, Action? beforeRun, CancellationToken cancellationToken, bool requireTask = false)
    {
        // Bookmark, instance and (for a human task) the task in one statement: one snapshot, one round trip.
        // If another run committed first, either the bookmark reads closed, or the state no longer waits on
        // it (retried below), or our save fails on the instance's revision and the whole step runs again.
        var loaded = await (
            from b in Db.Set<WorkflowBookmark>()
            where b.Id == bookmarkId
            join i in Db.Set<WorkflowInstance>() on b.InstanceId equals i.Id
            from t in Db.Set<WorkflowTask>().Where(t => t.Id == b.Id).DefaultIfEmpty()
            select new { Bookmark = b, Instance = i, Task = t })
            .SingleOrDefaultAsync(cancellationToken);
        if (loaded is null || (requireTask && loaded.Task is null))
        {
            return ResumeResult.NotFound;
        }

        var (bookmark, instance) = (loaded.Bookmark, loaded.Instance);
        if (bookmark.ClosedAt is not null)
        {
            logger.LogInformation("Bookmark {BookmarkId} was already {Closure}; resume by {Actor} ignored.", bookmarkId, bookmark.Closure, actor);
            return ResumeResult.AlreadyClosed;
        }

        var definition = await DefinitionOfAsync(instance, cancellationToken);
        var state = Read(instance);
        if (!state.Waiting.Any(e => e.Id == bookmark.ExecutionId && e.Bookmarks.TryGetValue(bookmark.Name, out var id) && id == bookmarkId))
        {
            throw new DbUpdateConcurrencyException($"Instance {instance.Id} changed while bookmark {bookmarkId} was being resumed.");
        }

        var now = time.GetUtcNow();
        using var span = Telemetry.Source.StartActivity("workflow resume");
        span?.SetTag("workflow.definition", definition.Id);
        span?.SetTag("workflow.instance.id", instance.Id);
        span?.SetTag("workflow.bookmark", bookmark.Name);

        // A human task resumed by anyone (a clerk through the queue, a department system over the bus)
        // closes with the decision; an outcome the task does not allow changes nothing.
        if (loaded.Task is { Status: WorkflowTaskStatus.Open } task)
        {
            if (outcome is null || !(JsonSerializer.Deserialize<List<string>>(task.AllowedOutcomes) ?? []).Contains(outcome))
            {
                return ResumeResult.Rejected;
            }

            task.Status = WorkflowTaskStatus.Completed;
            task.Outcome = outcome;
            task.CompletedBy = actor;
            task.CompletedAt = now;
            task.Result = data?.ToJsonString();
            task.Revision++;
        }

        beforeRun?.Invoke();
        bookmark.ClosedAt = now;
        bookmark.Closure = "Resumed";
        var effects = await engine.ResumeAsync(
            new WorkflowEngine.RunRequest(instance.Id, definition, state, now, actor),
            bookmark.ExecutionId,
            new Resumption(bookmarkId.ToString(), bookmark.Name, outcome, actor, data));
        await PersistAsync(instance, state, effects, now, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        return ResumeResult.Resumed;
    }

    /// <summary>Turns the engine's effects into rows in the current unit of work (not saved here).</summary>
    private async Task PersistAsync(WorkflowInstance instance, InstanceState state, RunEffects effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        instance.State = JsonSerializer.Serialize(state, StateJson);
        instance.Revision++;
        instance.UpdatedAt = now;
        instance.Status = state.Cancelled ? InstanceStatus.Cancelled
            : effects.Completed ? InstanceStatus.Completed
            : state.Waiting.Any(e => e.Faulted) ? InstanceStatus.Faulted
            : InstanceStatus.Running;
        if (instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
        {
            instance.CompletedAt ??= now;
        }

        // A bookmark may be created and cancelled in this same run (its branch lost a WaitAny at once):
        // it is stored closed, with no timer and no open task, so nothing can resume it later.
        var cancelled = effects.BookmarksCancelled.ToHashSet();
        var bornCancelled = new HashSet<Guid>();
        foreach (var created in effects.BookmarksCreated)
        {
            var diesNow = cancelled.Contains(created.Id);
            if (diesNow)
            {
                bornCancelled.Add(created.Id);
            }

            Db.Add(new WorkflowBookmark
            {
                Id = created.Id,
                InstanceId = instance.Id,
                ExecutionId = created.ExecutionId,
                ActivityId = created.ActivityId,
                Name = created.Name,
                CreatedAt = now,
                ClosedAt = diesNow ? now : null,
                Closure = diesNow ? "Cancelled" : null,
            });
        }

        if (cancelled.Count > bornCancelled.Count)
        {
            await CloseCancelledAsync(instance, cancelled.Except(bornCancelled).ToList(), now, cancellationToken);
        }

        foreach (var timer in effects.Timers.Where(t => !bornCancelled.Contains(t.BookmarkId)))
        {
            Db.Add(new WorkflowTimer { BookmarkId = timer.BookmarkId, InstanceId = instance.Id, DueAt = timer.DueAt });
        }

        foreach (var task in effects.TasksCreated)
        {
            Db.Add(new WorkflowTask
            {
                Id = task.BookmarkId,
                InstanceId = instance.Id,
                ActivityId = task.ActivityId,
                Title = task.Title,
                CandidateRole = task.CandidateRole,
                CandidateGroup = task.CandidateGroup,
                Assignee = task.Assignee,
                DueAt = task.DueAt,
                Priority = task.Priority,
                AllowedOutcomes = JsonSerializer.Serialize(task.AllowedOutcomes),
                Data = task.Data?.ToJsonString(),
                Status = bornCancelled.Contains(task.BookmarkId) ? WorkflowTaskStatus.Cancelled : WorkflowTaskStatus.Open,
                CreatedAt = now,
                CompletedAt = bornCancelled.Contains(task.BookmarkId) ? now : null,
            });
        }

        foreach (var change in effects.TasksChanged)
        {
            var task = await Db.Set<WorkflowTask>().FindAsync([change.BookmarkId], cancellationToken);
            switch (change.Change)
            {
                case HumanTaskChange.Reminded when task is not null:
                    task.RemindedAt = now;
                    break;
                case HumanTaskChange.Escalated when task is not null:
                    task.Escalated = true;
                    break;
            }
        }

        foreach (var record in effects.Journal)
        {
            AddJournal(instance.Id, record);
        }

        foreach (var message in effects.Messages)
        {
            Db.Enqueue(message.Message, message.Destination, instance.Id);
        }

        foreach (var child in effects.Children)
        {
            Db.Add(new WorkflowInstance
            {
                Id = child.ChildInstanceId,
                DefinitionId = child.DefinitionId,
                Status = InstanceStatus.Pending,
                State = JsonSerializer.Serialize(new InstanceState { Input = child.Input }, StateJson),
                CorrelationId = instance.CorrelationId,
                ParentInstanceId = instance.Id,
                ParentBookmarkId = child.ParentBookmarkId,
                CreatedAt = now,
                UpdatedAt = now,
            });
            Db.Enqueue(new StartWorkflowInstance(child.ChildInstanceId), destination: null, instance.Id);
        }

        foreach (var incident in effects.Incidents)
        {
            Db.Add(new WorkflowIncident
            {
                Id = Guid.CreateVersion7(),
                BookmarkId = incident.BookmarkId,
                InstanceId = instance.Id,
                ExecutionId = incident.ExecutionId,
                ActivityId = incident.ActivityId,
                Message = incident.Message.Length > 2000 ? incident.Message[..2000] : incident.Message,
                Attempts = incident.Attempts,
                CreatedAt = now,
                ResolvedAt = bornCancelled.Contains(incident.BookmarkId) ? now : null,
                ResolvedBy = bornCancelled.Contains(incident.BookmarkId) ? "system:cancelled" : null,
            });
        }

        if (effects.Completed)
        {
            Telemetry.InstancesCompleted.Add(1, new KeyValuePair<string, object?>("workflow.definition", instance.DefinitionId));
            if (instance.ParentBookmarkId is { } parentBookmark)
            {
                Db.Enqueue(new ResumeBookmark(parentBookmark, null, state.Output, $"system:child:{instance.Id:N}"), destination: null, instance.Id);
            }
        }
    }

    /// <summary>Bookmarks that ended unresumed: close them, drop their timers, cancel their tasks and child instances.</summary>
    private async Task CloseCancelledAsync(WorkflowInstance instance, List<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var bookmark in await Db.Set<WorkflowBookmark>().Where(b => ids.Contains(b.Id) && b.ClosedAt == null).ToListAsync(cancellationToken))
        {
            bookmark.ClosedAt = now;
            bookmark.Closure = "Cancelled";
        }

        Db.RemoveRange(await Db.Set<WorkflowTimer>().Where(t => ids.Contains(t.BookmarkId)).ToListAsync(cancellationToken));
        foreach (var task in await Db.Set<WorkflowTask>().Where(t => ids.Contains(t.Id) && t.Status == WorkflowTaskStatus.Open).ToListAsync(cancellationToken))
        {
            task.Status = WorkflowTaskStatus.Cancelled;
            task.CompletedAt = now;
            task.Revision++;
        }

        foreach (var incident in await Db.Set<WorkflowIncident>().Where(i => i.InstanceId == instance.Id && i.ResolvedAt == null && ids.Contains(i.BookmarkId)).ToListAsync(cancellationToken))
        {
            // Its activity was cancelled: nothing is left to retry.
            incident.ResolvedAt = now;
            incident.ResolvedBy = "system:cancelled";
        }

        var children = await Db.Set<WorkflowInstance>()
            .Where(i => i.ParentBookmarkId != null && ids.Contains(i.ParentBookmarkId.Value) && i.Status != InstanceStatus.Completed && i.Status != InstanceStatus.Cancelled)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            Db.Enqueue(new CancelWorkflowInstance(child, "The parent's branch was cancelled.", "system:parent"), destination: null, instance.Id);
        }
    }

    private void AddJournal(Guid instanceId, JournalRecord record) => Db.Add(new WorkflowJournalEntry
    {
        InstanceId = instanceId,
        At = record.At,
        Event = record.Event,
        ActivityId = record.ActivityId,
        ActivityType = record.ActivityType,
        ExecutionId = record.ExecutionId,
        Actor = record.Actor,
        Outcome = record.Outcome,
        Summary = record.Summary,
    });

    private async Task<WorkflowDefinition> DefinitionOfAsync(WorkflowInstance instance, CancellationToken cancellationToken) =>
        await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Version {instance.DefinitionVersion} of workflow '{instance.DefinitionId}' is missing.");

    internal static InstanceState Read(WorkflowInstance instance) =>
        JsonSerializer.Deserialize<InstanceState>(instance.State, StateJson) ?? new InstanceState();

    /// <summary>
    /// Runs <paramref name="operation"/> again on fresh data when another node changed the same rows
    /// first (optimistic concurrency). Safe because every operation re-reads what it decides on.
    /// </summary>
    private async Task<T> WithConflictRetryAsync<T>(Func<Task<T>> operation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation();
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxConflictRetries)
            {
                Db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 10 * attempt));
            }
        }
    }

    private Task WithConflictRetryAsync(Func<Task> operation) =>
        WithConflictRetryAsync(async () =>
        {
            await operation();
            return true;
        });
}

public enum ResumeResult
{
    Resumed,
    AlreadyClosed,
    NotFound,
    /// <summary>The bookmark is a human task and the outcome is not one it allows; nothing changed.</summary>
    Rejected,
}

public enum TaskCompletionResult
{
    Completed,
    AlreadyClosed,
    OutcomeNotAllowed,
    NotFound,
}

public sealed class WorkflowNotFoundException(string message) : Exception(message);
