using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneThing.Workflows.Definitions;
using OneThing.Workflows.Execution;
using OneThing.Workflows.Expressions;

namespace OneThing.Workflows.Activities;

/// <summary>
/// What an activity sees and may do while it runs: its inputs (evaluated), the variables, bookmarks,
/// timers, tasks, messages and child workflows — all recorded as effects that commit with the instance.
/// </summary>
public sealed class ActivityContext
{
    private readonly ExpressionEvaluator _expressions;
    private readonly RunEffects _effects;
    private readonly ExecutionRecord _execution;

    internal ActivityContext(
        Guid instanceId,
        WorkflowDefinition definition,
        ActivityDefinition activity,
        ExecutionRecord execution,
        InstanceState state,
        RunEffects effects,
        ExpressionEvaluator expressions,
        IServiceProvider services,
        DateTimeOffset now,
        string actor)
    {
        InstanceId = instanceId;
        Definition = definition;
        Activity = activity;
        _execution = execution;
        State = state;
        _effects = effects;
        _expressions = expressions;
        Services = services;
        Now = now;
        Actor = actor;
    }

    public Guid InstanceId { get; }

    public WorkflowDefinition Definition { get; }

    public ActivityDefinition Activity { get; }

    public string ExecutionId => _execution.Id;

    public string Branch => _execution.Branch;

    public InstanceState State { get; }

    public IDictionary<string, JsonNode?> Variables => State.Variables;

    /// <summary>The activity's own data, kept between execute and resume.</summary>
    public JsonObject Data => _execution.State;

    public IServiceProvider Services { get; }

    public DateTimeOffset Now { get; }

    /// <summary>Who caused this run: a user id, <c>system:timer</c>, a department system.</summary>
    public string Actor { get; }

    /// <summary>
    /// Stable across re-runs of the same committed state: an activity with an outside effect passes it
    /// to the outside system so a run repeated after a crash does not repeat the effect.
    /// </summary>
    public string IdempotencyKey => $"{InstanceId:N}/{ExecutionId}";

    public ExpressionScope Scope => new(State.Variables.AsReadOnly(), State.Input, Now);

    /// <summary>The input's value, evaluated if it is an expression; null when absent.</summary>
    public JsonNode? Input(string name) =>
        Activity.Inputs.TryGetPropertyValue(name, out var value) ? _expressions.Evaluate(value, Scope) : null;

    /// <summary>Evaluates a value found inside an input (e.g. one case's condition).</summary>
    public JsonNode? Evaluate(JsonNode? value) => _expressions.Evaluate(value, Scope);

    public T? Input<T>(string name) => Input(name) is { } node ? node.Deserialize<T>(WorkflowJson.Options) : default;

    public string? StringInput(string name) => Input(name) switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        { } other => other.ToJsonString(),
        null => null,
    };

    /// <summary>Waits on a bookmark named <paramref name="name"/> (unique within this execution); returns its id.</summary>
    public Guid CreateBookmark(string name)
    {
        if (!_execution.Bookmarks.TryGetValue(name, out var id))
        {
            // The attempt number is part of the id: an activity run again after a fault waits on new bookmarks.
            id = BookmarkId(InstanceId, ExecutionId, $"{name}@{_execution.Attempts}");
            _execution.Bookmarks[name] = id;
            _effects.BookmarksCreated.Add(new BookmarkCreated(id, ExecutionId, Activity.Id, name));
        }

        return id;
    }

    /// <summary>The id of a bookmark this execution still waits on, if it has one by that name.</summary>
    public Guid? BookmarkIdOf(string name) => _execution.Bookmarks.TryGetValue(name, out var id) ? id : null;

    /// <summary>A bookmark resumed by a durable timer at <paramref name="dueAt"/>.</summary>
    public Guid ScheduleTimer(string name, DateTimeOffset dueAt)
    {
        var id = CreateBookmark(name);
        _effects.Timers.Add(new TimerScheduled(id, dueAt));
        return id;
    }

    public void CreateTask(HumanTaskCreated task) => _effects.TasksCreated.Add(task);

    public void ChangeTask(HumanTaskChanged change) => _effects.TasksChanged.Add(change);

    /// <summary>Publishes a message when the instance commits (through the outbox).</summary>
    public void Publish(object message) => _effects.Messages.Add(new OutgoingMessage(message, null));

    /// <summary>Sends a command to one queue when the instance commits.</summary>
    public void Send(object message, string destination) => _effects.Messages.Add(new OutgoingMessage(message, destination));

    public void StartChild(ChildWorkflowRequested child) => _effects.Children.Add(child);

    /// <summary>Deterministic bookmark id: a re-run of the same committed state creates the same ids.</summary>
    public static Guid BookmarkId(Guid instanceId, string executionId, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{instanceId:N}|{executionId}|{name}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
