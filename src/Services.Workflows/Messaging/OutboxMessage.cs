namespace OneThing.Workflows.Messaging;

/// <summary>
/// A message waiting to leave: written in the same <c>SaveChanges</c> as the state change that caused it,
/// handed to the bus afterwards by <see cref="OutboxDispatcher"/>. Delivery is at least once; consumers
/// behind the <see cref="InboxFilter{T}"/> turn that into once.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Sequence number: messages leave in the order they were written.</summary>
    public long Id { get; set; }

    /// <summary>The bus message id; stays the same on every re-dispatch, so the inbox recognises repeats.</summary>
    public Guid MessageId { get; set; }

    /// <summary>Full name of the contract type (resolved only against registered contracts).</summary>
    public required string MessageType { get; set; }

    public required string Body { get; set; }

    /// <summary>Queue name for a command sent to one endpoint; <c>null</c> publishes an event.</summary>
    public string? Destination { get; set; }

    public Guid? CorrelationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Claim token of the dispatcher that is sending it, so two nodes never send the same batch.</summary>
    public string? LockedBy { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
