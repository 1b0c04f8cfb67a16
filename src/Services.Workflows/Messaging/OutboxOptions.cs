namespace OneThing.Workflows.Messaging;

/// <summary>How the outbox dispatcher polls and claims (section <c>Messaging:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>Longest wait between looks at the table when nobody signalled a new message.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed batch is reserved for one dispatcher before another node may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 50;

    /// <summary>Dispatched rows are deleted after this long.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public OutboxMessageTypes MessageTypes { get; } = new();
}
