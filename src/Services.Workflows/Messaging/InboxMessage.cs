namespace OneThing.Workflows.Messaging;

/// <summary>A message a receive endpoint has processed; its key makes a second delivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    /// <summary>The receive endpoint (queue) that processed it: each endpoint processes a message once.</summary>
    public required string Endpoint { get; set; }

    public required string MessageType { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
