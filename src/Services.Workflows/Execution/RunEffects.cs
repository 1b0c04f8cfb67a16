using System.Text.Json.Nodes;

namespace OneThing.Workflows.Execution;

/// <summary>
/// What one run of the engine decided, for the runtime to persist in the same transaction as the new
/// instance state: bookmarks, timers, tasks, journal entries, messages, child workflows, incidents.
/// </summary>
public sealed class RunEffects
{
    public List<BookmarkCreated> BookmarksCreated { get; } = [];

    /// <summary>Bookmarks that end without being resumed (their execution completed or was cancelled).</summary>
    public List<Guid> BookmarksCancelled { get; } = [];

    public List<TimerScheduled> Timers { get; } = [];

    public List<HumanTaskCreated> TasksCreated { get; } = [];

    public List<HumanTaskChanged> TasksChanged { get; } = [];

    public List<JournalRecord> Journal { get; } = [];

    public List<OutgoingMessage> Messages { get; } = [];

    public List<ChildWorkflowRequested> Children { get; } = [];

    public List<IncidentRaised> Incidents { get; } = [];

    public bool Completed { get; set; }

    public bool Cancelled { get; set; }
}

public sealed record BookmarkCreated(Guid Id, string ExecutionId, string ActivityId, string Name);

public sealed record TimerScheduled(Guid BookmarkId, DateTimeOffset DueAt);

/// <summary>A human task to record: who may take it, until when, which outcomes they may choose.</summary>
public sealed record HumanTaskCreated(
    Guid BookmarkId,
    string ActivityId,
    string Title,
    string? CandidateRole,
    string? CandidateGroup,
    string? Assignee,
    DateTimeOffset? DueAt,
    int Priority,
    IReadOnlyList<string> AllowedOutcomes,
    JsonObject? Data);

public sealed record HumanTaskChanged(Guid BookmarkId, HumanTaskChange Change, string? Outcome, string? Actor, JsonObject? Data);

/// <summary>What a waiting task's timers did to it (completion and cancellation close it through its bookmark).</summary>
public enum HumanTaskChange
{
    Reminded,
    Escalated,
}

public sealed record JournalRecord(
    DateTimeOffset At,
    string Event,
    string? ActivityId,
    string? ActivityType,
    string? ExecutionId,
    string Actor,
    string? Outcome,
    string? Summary);

/// <summary>A message an activity sends; goes into the outbox with the instance's commit.</summary>
public sealed record OutgoingMessage(object Message, string? Destination);

public sealed record ChildWorkflowRequested(Guid ChildInstanceId, string DefinitionId, Guid ParentBookmarkId, JsonObject? Input);

public sealed record IncidentRaised(Guid BookmarkId, string ExecutionId, string ActivityId, string Message, int Attempts);
