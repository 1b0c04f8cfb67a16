namespace OneThing.Workflows.Runtime;

public enum DefinitionStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>One version of a definition as stored: its JSON and where it is in its life.</summary>
public sealed class WorkflowDefinitionRecord
{
    public Guid Id { get; set; }

    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public DefinitionStatus Status { get; set; }

    public required string Name { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    public int Revision { get; set; }
}

public enum InstanceStatus
{
    /// <summary>Created, not run yet (a child waiting for its start message).</summary>
    Pending,
    /// <summary>Waiting on bookmarks; nothing is wrong.</summary>
    Running,
    /// <summary>Waiting, and at least one activity has an open incident.</summary>
    Faulted,
    Completed,
    Cancelled,
}

/// <summary>A running (or finished) instance: its state is one JSON column, its revision guards concurrent runs.</summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }

    public required string DefinitionId { get; set; }

    public int DefinitionVersion { get; set; }

    public InstanceStatus Status { get; set; }

    public required string State { get; set; }

    /// <summary>What the instance is about in the host's terms (a case number).</summary>
    public string? CorrelationId { get; set; }

    public Guid? ParentInstanceId { get; set; }

    public Guid? ParentBookmarkId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Optimistic concurrency token: every run increments it; a run on a stale copy fails and is retried.</summary>
    public int Revision { get; set; }
}

/// <summary>A place where an instance waits; resuming it by id continues the instance.</summary>
public sealed class WorkflowBookmark
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public required string ExecutionId { get; set; }

    public required string ActivityId { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when resumed or cancelled; a later resume of a closed bookmark is a duplicate and ignored.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public string? Closure { get; set; }
}

/// <summary>A durable timer: resumes its bookmark at <see cref="DueAt"/>; claimed with a lease so one node fires it.</summary>
public sealed class WorkflowTimer
{
    public Guid BookmarkId { get; set; }

    public Guid InstanceId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public string? LockedBy { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}

public enum WorkflowTaskStatus
{
    Open,
    Completed,
    Cancelled,
}

/// <summary>A human task; its id is the bookmark its activity waits on.</summary>
public sealed class WorkflowTask
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public required string ActivityId { get; set; }

    public required string Title { get; set; }

    public string? CandidateRole { get; set; }

    public string? CandidateGroup { get; set; }

    public string? Assignee { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public int Priority { get; set; }

    /// <summary>JSON array of the outcomes a person may choose.</summary>
    public required string AllowedOutcomes { get; set; }

    public string? Data { get; set; }

    public WorkflowTaskStatus Status { get; set; }

    public bool Escalated { get; set; }

    public DateTimeOffset? RemindedAt { get; set; }

    public string? Outcome { get; set; }

    public string? CompletedBy { get; set; }

    public string? Result { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int Revision { get; set; }
}

/// <summary>Append-only record of what happened in an instance, who did it, and a summary of data.</summary>
public sealed class WorkflowJournalEntry
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Event { get; set; }

    public string? ActivityId { get; set; }

    public string? ActivityType { get; set; }

    public string? ExecutionId { get; set; }

    public required string Actor { get; set; }

    public string? Outcome { get; set; }

    public string? Summary { get; set; }
}

/// <summary>An activity that faulted past its retry policy; waits for a person to retry it.</summary>
public sealed class WorkflowIncident
{
    public Guid Id { get; set; }

    /// <summary>The bookmark a manual retry resumes.</summary>
    public Guid BookmarkId { get; set; }

    public Guid InstanceId { get; set; }

    public required string ExecutionId { get; set; }

    public required string ActivityId { get; set; }

    public required string Message { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }
}

/// <summary>A resume that could not be delivered (its bookmark never appeared); listable and replayable.</summary>
public sealed class WorkflowDeadLetter
{
    public Guid Id { get; set; }

    public Guid BookmarkId { get; set; }

    public string? Outcome { get; set; }

    public string? Data { get; set; }

    public required string Actor { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReplayedAt { get; set; }
}
