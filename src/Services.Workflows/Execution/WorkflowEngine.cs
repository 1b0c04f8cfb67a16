using System.Diagnostics;
using ActivityContext = OneThing.Workflows.Activities.ActivityContext;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneThing.Workflows.Activities;
using OneThing.Workflows.Activities.Builtin;
using OneThing.Workflows.Definitions;
using OneThing.Workflows.Expressions;

namespace OneThing.Workflows.Execution;

/// <summary>
/// Runs an instance from a trigger (start, resume, cancel, retry) until every branch waits or ends,
/// changing <see cref="InstanceState"/> in place and reporting <see cref="RunEffects"/>. It touches no
/// database: the runtime loads the state, calls the engine and commits state and effects together.
/// Semantics (token flow, fork, join, compensation) are documented in docs/workflows.md and pinned by
/// the conformance scenarios.
/// </summary>
public sealed class WorkflowEngine(ActivityRegistry registry, ExpressionEvaluator expressions, IServiceProvider services)
{
    private ActivityRegistry Registry { get; } = registry;

    private ExpressionEvaluator Expressions { get; } = expressions;

    private IServiceProvider Services { get; } = services;

    /// <summary>Activities run in one trigger before the run is stopped as a runaway.</summary>
    public const int MaxStepsPerRun = 10_000;

    /// <summary>Bookmark a retry timer resumes; one per attempt (<c>retry:1</c>, <c>retry:2</c>…) so every bookmark id stays unique.</summary>
    public const string RetryBookmark = "retry";

    /// <summary>Bookmark a person resumes to retry after an incident; one per incident (<c>incident:3</c>).</summary>
    public const string IncidentBookmark = "incident";

    public static string IncidentBookmarkName(int attempts) => $"{IncidentBookmark}:{attempts}";

    /// <summary>Key in an execution's data naming the execution a compensating run undoes.</summary>
    private const string CompensatesKey = "compensates";

    private static bool IsFaultBookmark(string name) =>
        name.StartsWith(RetryBookmark + ":", StringComparison.Ordinal) || name.StartsWith(IncidentBookmark + ":", StringComparison.Ordinal);

    public async Task<RunEffects> StartAsync(RunRequest request, JsonObject? input)
    {
        var run = new Run(this, request);
        var definition = request.Definition;
        foreach (var variable in definition.Variables)
        {
            request.State.Variables[variable.Name] = variable.Default?.DeepClone();
        }

        request.State.Input = input;
        run.Journal("InstanceStarted", null, null, summary: input?.ToJsonString());
        var start = definition.Activities.Single(a => a.Type == StartActivity.TypeName);
        run.Enqueue(start.Id, Branches.Root);
        await run.DrainAsync();
        return run.Effects;
    }

    /// <summary>Resumes the execution waiting on a bookmark. The bookmark must be one the state still holds.</summary>
    public async Task<RunEffects> ResumeAsync(RunRequest request, string executionId, Resumption resumption)
    {
        var run = new Run(this, request);
        var execution = request.State.Waiting.FirstOrDefault(e => e.Id == executionId && e.Bookmarks.ContainsKey(resumption.BookmarkName))
            ?? throw new InvalidOperationException($"No execution {executionId} waits on bookmark '{resumption.BookmarkName}'.");
        execution.Bookmarks.Remove(resumption.BookmarkName);
        run.Journal("Resumed", execution, resumption.Outcome, summary: resumption.Data?.ToJsonString());

        if (IsFaultBookmark(resumption.BookmarkName))
        {
            execution.Faulted = false;
            await run.ExecuteAsync(execution);
        }
        else
        {
            await run.ResumeAsync(execution, resumption);
        }

        await run.DrainAsync();
        return run.Effects;
    }

    /// <summary>Cancels the whole instance: every waiting execution ends, compensations run in reverse order.</summary>
    public async Task<RunEffects> CancelAsync(RunRequest request, string reason)
    {
        var run = new Run(this, request);
        request.State.Cancelled = true;
        run.Journal("InstanceCancelling", null, null, summary: reason);
        await run.CancelBranchAsync(Branches.Root, keep: null);
        run.Effects.Cancelled = true;
        run.Journal("InstanceCancelled", null, null, summary: reason);
        return run.Effects;
    }

    /// <summary>Everything a run needs: which instance, its definition and state, the time, who acts.</summary>
    public sealed record RunRequest(Guid InstanceId, WorkflowDefinition Definition, InstanceState State, DateTimeOffset Now, string Actor);

    private sealed class Run(WorkflowEngine engine, RunRequest request)
    {
        private readonly Queue<(string ActivityId, string Branch, string? From)> _queue = new();
        private readonly FlowGraph _graph = FlowGraph.Of(request.Definition);
        private int _steps;
        private Dictionary<string, JsonNode?> _before = [];

        public RunEffects Effects { get; } = new();

        private InstanceState State => request.State;

        public void Enqueue(string activityId, string branch, string? from = null) => _queue.Enqueue((activityId, branch, from));

        public async Task DrainAsync()
        {
            while (_queue.Count > 0)
            {
                if (++_steps > MaxStepsPerRun)
                {
                    throw new WorkflowRunawayException(
                        $"More than {MaxStepsPerRun} activities ran in one step of instance {request.InstanceId}; the flow does not wait anywhere.");
                }

                var (activityId, branch, from) = _queue.Dequeue();
                var definition = _graph.Activities[activityId];
                if (definition.Type == JoinActivity.TypeName)
                {
                    await JoinAsync(definition, branch, from!);
                    continue;
                }

                var execution = new ExecutionRecord { Id = State.NextExecutionId(), ActivityId = activityId, Branch = branch };
                await ExecuteAsync(execution);
            }

            if (State.Waiting.Count == 0 && !State.Cancelled && !Effects.Completed)
            {
                // A join some branches reached but others never will (they ended elsewhere) is recorded, not hidden.
                foreach (var (key, arrived) in State.Joins)
                {
                    Journal("JoinIncomplete", null, null, _graph.Activities[key[..key.IndexOf('|')]], summary: $"only {string.Join(", ", arrived)} arrived");
                }

                State.Joins.Clear();
                Effects.Completed = true;
                Journal("InstanceCompleted", null, null, summary: State.Output?.ToJsonString());
            }
        }

        public async Task ExecuteAsync(ExecutionRecord execution)
        {
            var definition = _graph.Activities[execution.ActivityId];
            using var span = Telemetry.Source.StartActivity($"activity {definition.Type}");
            span?.SetTag("workflow.activity.id", definition.Id);
            span?.SetTag("workflow.instance.id", request.InstanceId);
            Journal("Started", execution, null, summary: definition.Inputs.Count == 0 ? null : definition.Inputs.ToJsonString());
            _before = new Dictionary<string, JsonNode?>(State.Variables, StringComparer.Ordinal);
            var started = Stopwatch.GetTimestamp();
            ActivityResult result;
            try
            {
                result = await CreateActivity(definition).ExecuteAsync(Context(definition, execution));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not WorkflowRunawayException)
            {
                result = ActivityResult.Faulted(ex.Message);
            }

            Telemetry.ActivityDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("activity.type", definition.Type));
            Apply(definition, execution, result);
        }

        public async Task ResumeAsync(ExecutionRecord execution, Resumption resumption)
        {
            var definition = _graph.Activities[execution.ActivityId];
            _before = new Dictionary<string, JsonNode?>(State.Variables, StringComparer.Ordinal);
            ActivityResult result;
            try
            {
                result = await CreateActivity(definition).ResumeAsync(Context(definition, execution), resumption);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                result = ActivityResult.Faulted(ex.Message);
            }

            Apply(definition, execution, result);
        }

        private void Apply(ActivityDefinition definition, ExecutionRecord execution, ActivityResult result)
        {
            switch (result.Kind)
            {
                case ActivityResultKind.Completed when execution.State.ContainsKey(CompensatesKey):
                    Close(execution);
                    Journal("Compensated", execution, null, summary: $"undid {execution.State["compensatesActivity"]} ({execution.State[CompensatesKey]})");
                    break;

                case ActivityResultKind.Completed:
                    Close(execution);
                    Journal("Completed", execution, string.Join(",", result.Outcomes), summary: ChangedVariables());
                    if (definition.CompensateWith is { } compensator)
                    {
                        State.Compensable.Add(new CompensationRecord(execution.Id, definition.Id, compensator, execution.Branch));
                    }

                    Follow(definition.Id, execution.Branch, result.Outcomes);
                    break;

                case ActivityResultKind.Waiting:
                    if (execution.Bookmarks.Count == 0)
                    {
                        Apply(definition, execution, ActivityResult.Faulted($"{definition.Type} said it waits but created no bookmark."));
                        return;
                    }

                    if (!State.Waiting.Contains(execution))
                    {
                        State.Waiting.Add(execution);
                    }

                    if (result.Outcomes.Count > 0)
                    {
                        Journal("Followed", execution, string.Join(",", result.Outcomes));
                        Follow(definition.Id, execution.Branch, result.Outcomes);
                    }

                    break;

                case ActivityResultKind.Faulted:
                    Fault(definition, execution, result.Fault ?? "The activity faulted.");
                    break;

                case ActivityResultKind.Terminated:
                    Close(execution);
                    Journal("Terminated", execution, null, summary: result.Fault);
                    Terminate();
                    break;
            }
        }

        private void Fault(ActivityDefinition definition, ExecutionRecord execution, string message)
        {
            execution.Attempts++;
            if (!State.Waiting.Contains(execution))
            {
                State.Waiting.Add(execution);
            }

            var policy = definition.Retry ?? new RetryPolicy(MaxAttempts: 1);
            var context = Context(definition, execution);
            if (execution.Attempts < policy.MaxAttempts)
            {
                var delay = policy.DelayBefore(execution.Attempts);
                context.ScheduleTimer($"{RetryBookmark}:{execution.Attempts}", request.Now + delay);
                Journal("Faulted", execution, null, summary: $"{message} (attempt {execution.Attempts} of {policy.MaxAttempts}; retrying in {delay})");
                return;
            }

            execution.Faulted = true;
            var bookmark = context.CreateBookmark(IncidentBookmarkName(execution.Attempts));
            Effects.Incidents.Add(new IncidentRaised(bookmark, execution.Id, definition.Id, message, execution.Attempts));
            Telemetry.ActivitiesFaulted.Add(1, new KeyValuePair<string, object?>("activity.type", definition.Type));
            Journal("Faulted", execution, null, summary: $"{message} (incident raised after {execution.Attempts} attempt(s))");
        }

        /// <summary>
        /// Sends a token along every connection of each outcome. One token keeps the branch; several
        /// (a fork, or one outcome wired to several targets) start child branches.
        /// </summary>
        private void Follow(string activityId, string branch, IReadOnlyList<string> outcomes)
        {
            var targets = outcomes
                .SelectMany(outcome => _graph.Targets(activityId, outcome).Select(target => (Target: target, From: $"{activityId}:{outcome}")))
                .ToList();
            if (targets.Count == 1)
            {
                Enqueue(targets[0].Target, branch, targets[0].From);
                return;
            }

            for (var i = 0; i < targets.Count; i++)
            {
                Enqueue(targets[i].Target, Branches.Child(branch, activityId, i), targets[i].From);
            }
        }

        private async Task JoinAsync(ActivityDefinition join, string branch, string from)
        {
            var parent = Branches.Parent(branch);
            var key = $"{join.Id}|{parent}";
            var waitAny = join.Inputs.TryGetPropertyValue("mode", out var mode) && mode is JsonValue value
                && value.TryGetValue<string>(out var text) && text == "WaitAny";

            if (!State.Joins.TryGetValue(key, out var arrived))
            {
                State.Joins[key] = arrived = [];
            }

            // Arrivals count per source activity: one branch may reach the join by any of its outcomes
            // (Approve or Reject both end the branch), and it counts once.
            var source = from[..from.IndexOf(':')];
            if (!arrived.Contains(source))
            {
                arrived.Add(source);
            }

            var expected = _graph.Inbound(join.Id).Select(c => c.Source).Distinct().Count();
            if (!waitAny && arrived.Count < expected)
            {
                Journal("JoinWaiting", null, null, join, summary: $"{arrived.Count} of {expected} branches arrived");
                return;
            }

            State.Joins.Remove(key);
            var execution = new ExecutionRecord { Id = State.NextExecutionId(), ActivityId = join.Id, Branch = parent };
            if (waitAny && branch.LastIndexOf('#') is var hash and > 0)
            {
                // The first branch wins; its sibling branches (same fork: same "…/fork#" prefix) are
                // cancelled and what completed in them is compensated.
                var siblings = branch[..(hash + 1)];
                await CancelAsync(b => b.StartsWith(siblings, StringComparison.Ordinal) && !Branches.IsWithin(b, branch));
            }

            Journal("Completed", execution, Outcomes.Done, summary: waitAny ? $"first of {expected} branches: {from}" : $"all {expected} branches arrived");
            Follow(join.Id, parent, [Outcomes.Done]);
        }

        /// <summary>
        /// Ends every waiting execution and queued token within <paramref name="branch"/> except those within
        /// <paramref name="keep"/>, then compensates what completed there, newest first.
        /// </summary>
        public Task CancelBranchAsync(string branch, string? keep) =>
            CancelAsync(b => Branches.IsWithin(b, branch) && (keep is null || !Branches.IsWithin(b, keep)));

        private async Task CancelAsync(Func<string, bool> isCancelled)
        {

            foreach (var execution in State.Waiting.Where(e => isCancelled(e.Branch)).ToList())
            {
                Close(execution);
                Journal("Cancelled", execution, null);
            }

            var remaining = _queue.Where(token => !isCancelled(token.Branch)).ToList();
            _queue.Clear();
            foreach (var token in remaining)
            {
                _queue.Enqueue(token);
            }

            foreach (var key in State.Joins.Keys.Where(k => isCancelled(k[(k.IndexOf('|') + 1)..])).ToList())
            {
                State.Joins.Remove(key);
            }

            var toCompensate = State.Compensable.Where(c => isCancelled(c.Branch)).Reverse().ToList();
            foreach (var record in toCompensate)
            {
                State.Compensable.Remove(record);
                await CompensateAsync(record);
            }
        }

        /// <summary>Ends every waiting execution, queued token and join of the instance without compensating anything.</summary>
        private void Terminate()
        {
            foreach (var execution in State.Waiting.ToList())
            {
                Close(execution);
                Journal("Cancelled", execution, null);
            }

            _queue.Clear();
            State.Joins.Clear();
            State.Compensable.Clear();
        }

        /// <summary>
        /// Runs a compensating activity like any other execution (so a fault is retried or raises an
        /// incident), marked with what it undoes; completing it is journaled as <c>Compensated</c>.
        /// </summary>
        private Task CompensateAsync(CompensationRecord record)
        {
            var execution = new ExecutionRecord { Id = State.NextExecutionId(), ActivityId = record.CompensateWith, Branch = record.Branch };
            execution.State[CompensatesKey] = record.ExecutionId;
            execution.State["compensatesActivity"] = record.ActivityId;
            return ExecuteAsync(execution);
        }

        /// <summary>The variables the activity set, as the journal's summary of its output.</summary>
        private string? ChangedVariables()
        {
            var changed = new JsonObject();
            foreach (var (name, value) in State.Variables)
            {
                if (!_before.TryGetValue(name, out var previous) || !ReferenceEquals(previous, value))
                {
                    changed[name] = value?.DeepClone();
                }
            }

            return changed.Count == 0 ? null : changed.ToJsonString();
        }

        /// <summary>Ends an execution: removes it from the waiting list and cancels its remaining bookmarks.</summary>
        private void Close(ExecutionRecord execution)
        {
            State.Waiting.Remove(execution);
            Effects.BookmarksCancelled.AddRange(execution.Bookmarks.Values);

            execution.Bookmarks.Clear();
        }

        private IActivity CreateActivity(ActivityDefinition definition)
        {
            var descriptor = engine.Registry.Find(definition.Type)
                ?? throw new InvalidOperationException($"Activity type '{definition.Type}' is not registered.");
            return (IActivity)ActivatorUtilities.GetServiceOrCreateInstance(engine.Services, descriptor.ImplementationType);
        }

        private ActivityContext Context(ActivityDefinition definition, ExecutionRecord execution) =>
            new(request.InstanceId, request.Definition, definition, execution, State, Effects, engine.Expressions, engine.Services, request.Now, request.Actor);

        public void Journal(string @event, ExecutionRecord? execution, string? outcome, ActivityDefinition? activity = null, string? summary = null)
        {
            activity ??= execution is null ? null : _graph.Activities[execution.ActivityId];
            Effects.Journal.Add(new JournalRecord(request.Now, @event, activity?.Id, activity?.Type, execution?.Id, request.Actor, outcome,
                summary is { Length: > 500 } ? summary[..497] + "..." : summary));
        }
    }
}

/// <summary>A run that never waits (a loop without a waiting activity that validation could not see).</summary>
public sealed class WorkflowRunawayException(string message) : Exception(message);
