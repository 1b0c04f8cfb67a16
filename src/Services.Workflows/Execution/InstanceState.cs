using System.Text.Json.Nodes;

namespace OneThing.Workflows.Execution;

/// <summary>
/// Everything the engine needs to continue an instance, stored as one JSON column on the instance row.
/// Waiting instances cost this row (and their bookmark rows), not host memory.
/// </summary>
public sealed class InstanceState
{
    public Dictionary<string, JsonNode?> Variables { get; set; } = new(StringComparer.Ordinal);

    public JsonObject? Input { get; set; }

    public JsonObject? Output { get; set; }

    /// <summary>Executions that wait on bookmarks (a task, a timer, a child workflow, a retry).</summary>
    public List<ExecutionRecord> Waiting { get; set; } = [];

    /// <summary>Arrivals at joins that have not fired yet, by <c>joinId|parentBranch</c>.</summary>
    public Dictionary<string, List<string>> Joins { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Set once the instance is cancelled: later runs (a compensation's retry) never complete it.</summary>
    public bool Cancelled { get; set; }

    /// <summary>Completed executions that declared a compensating activity, in completion order.</summary>
    public List<CompensationRecord> Compensable { get; set; } = [];

    /// <summary>Counter behind execution ids: the same committed state always allocates the same ids.</summary>
    public int Sequence { get; set; }

    public string NextExecutionId() => $"x{++Sequence}";
}

public sealed class ExecutionRecord
{
    public required string Id { get; set; }

    public required string ActivityId { get; set; }

    public required string Branch { get; set; }

    /// <summary>The bookmarks this execution still waits on, by name, with their ids.</summary>
    public Dictionary<string, Guid> Bookmarks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The activity's own data kept between execute and resume.</summary>
    public JsonObject State { get; set; } = [];

    /// <summary>Failed attempts so far (retry policy).</summary>
    public int Attempts { get; set; }

    public bool Faulted { get; set; }
}

public sealed record CompensationRecord(string ExecutionId, string ActivityId, string CompensateWith, string Branch);
