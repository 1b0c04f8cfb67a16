namespace OneThing.Host.Auditing;

/// <summary>
/// The one row that says where the chain ends. Chaining updates it first, so its row lock serializes chainers across
/// nodes (no in-process lock); verification compares it with the last chained event, which catches a deleted tail.
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long LastSequence { get; set; }

    public string LastHash { get; set; } = AuditHash.Genesis;

    /// <summary>Node that chained last, and when (diagnostics).</summary>
    public string? ChainedBy { get; set; }

    public DateTimeOffset? ChainedAt { get; set; }
}
