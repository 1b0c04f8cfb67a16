namespace OneThing.Workflows.Activities;

/// <summary>What an activity did: finished (following the named outcomes), is waiting on bookmarks, or failed.</summary>
public sealed record ActivityResult
{
    private ActivityResult(ActivityResultKind kind, IReadOnlyList<string> outcomes, string? fault)
    {
        Kind = kind;
        Outcomes = outcomes;
        Fault = fault;
    }

    public ActivityResultKind Kind { get; }

    public IReadOnlyList<string> Outcomes { get; }

    public string? Fault { get; }

    /// <summary>Finish, sending a token along every connection of each outcome.</summary>
    public static ActivityResult Complete(params string[] outcomes) => new(ActivityResultKind.Completed, outcomes, null);

    /// <summary>Stay waiting; the activity has created its bookmarks through the context.</summary>
    public static ActivityResult Wait() => new(ActivityResultKind.Waiting, [], null);

    /// <summary>
    /// Keep waiting, but send tokens along <paramref name="outcomes"/> now (a task's reminder or escalation
    /// branch fires while the task stays open).
    /// </summary>
    public static ActivityResult WaitAndFollow(params string[] outcomes) => new(ActivityResultKind.Waiting, outcomes, null);

    public static ActivityResult Faulted(string message) => new(ActivityResultKind.Faulted, [], message);

    /// <summary>
    /// End the whole instance now: every other waiting activity and queued token is cancelled, nothing is
    /// compensated (what completed stays done), and the instance completes — e.g. a case whose matter was rejected.
    /// </summary>
    public static ActivityResult Terminate(string reason) => new(ActivityResultKind.Terminated, [], reason);
}

public enum ActivityResultKind
{
    Completed,
    Waiting,
    Faulted,
    Terminated,
}
