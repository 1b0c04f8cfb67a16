using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OneThing.Workflows.Definitions;

/// <summary>
/// A workflow as authored: a flowchart of activities joined by connections from an activity's outcome to
/// another activity. Stored and exchanged as JSON (schema: <c>workflows/schema/workflow-definition.schema.json</c>).
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>Stable identifier shared by all versions, e.g. <c>newborn</c>.</summary>
    public required string Id { get; init; }

    public int Version { get; init; } = 1;

    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    public required IReadOnlyList<ActivityDefinition> Activities { get; init; }

    public IReadOnlyList<ConnectionDefinition> Connections { get; init; } = [];

    /// <summary>Free-form data the workflow's owner keeps with it (the journeys keep their form and materials here).</summary>
    public JsonObject? Metadata { get; init; }

    public ActivityDefinition? FindActivity(string id) => Activities.FirstOrDefault(a => a.Id == id);
}

/// <summary>A workflow variable with an optional initial value.</summary>
public sealed record VariableDefinition(string Name, JsonNode? Default = null);

/// <summary>One activity of the flowchart.</summary>
public sealed record ActivityDefinition
{
    public required string Id { get; init; }

    /// <summary>Registered activity type, e.g. <c>HumanTask</c>.</summary>
    public required string Type { get; init; }

    public string? Name { get; init; }

    /// <summary>
    /// Input values by name. A value is a JSON literal, or <c>{ "js": "…" }</c> — a sandboxed JavaScript
    /// expression evaluated when the activity runs (it sees <c>variables</c>, <c>input</c> and <c>now</c>).
    /// </summary>
    public JsonObject Inputs { get; init; } = [];

    /// <summary>Id of an activity (not connected into the flow) that undoes this one when its branch or the instance is cancelled.</summary>
    public string? CompensateWith { get; init; }

    /// <summary>How a faulting run of this activity is retried before an incident waits for a person.</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>Where the designer draws it; ignored by the engine.</summary>
    public DesignerPosition? Position { get; init; }
}

public sealed record ConnectionDefinition
{
    public required string Source { get; init; }

    /// <summary>The source's outcome this connection follows; most activities have only <c>Done</c>.</summary>
    public string Outcome { get; init; } = "Done";

    public required string Target { get; init; }
}

public sealed record DesignerPosition(double X, double Y);

/// <summary>Automatic retries of a faulting activity: attempts in all, first delay, doubling up to a cap.</summary>
public sealed record RetryPolicy(int MaxAttempts = 3, TimeSpan? InitialDelay = null, TimeSpan? MaxDelay = null)
{
    [JsonIgnore]
    public TimeSpan FirstDelay => InitialDelay ?? TimeSpan.FromSeconds(5);

    /// <summary>The wait after the <paramref name="attempt"/>-th failure: doubling from the first delay, capped.</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var cap = (MaxDelay ?? TimeSpan.FromMinutes(10)).TotalSeconds;
        var seconds = FirstDelay.TotalSeconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, cap));
    }
}
