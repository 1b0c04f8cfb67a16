namespace OneThing.Host.Auditing;

/// <summary>
/// One entry of the tamper-evident audit trail (审计日志). Rows are only ever inserted; the business transaction
/// inserts them unchained, and <see cref="AuditChainer"/> later gives each its place in the chain
/// (<see cref="Sequence"/>, <see cref="PreviousHash"/>, <see cref="Hash"/>). No field holds personal data in the
/// clear: people are named by user id, and numbers only in their masked form.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>Database identity: insertion order on one node, not the chain order (commits land out of id order).</summary>
    public long Id { get; set; }

    /// <summary>When it happened (UTC, millisecond precision so every provider stores the value the hash covered).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>User id, <c>system</c>, <c>system:{department system}</c> or <c>workflow</c>.</summary>
    public required string ActorId { get; set; }

    /// <summary>The actor's role(s) when acting, e.g. <c>applicant</c>, <c>clerk</c>, <c>department-system</c>.</summary>
    public required string ActorRole { get; set; }

    /// <summary>What the event concerns: <c>{EntityType}:{key}</c>, a user id or a masked ID number — never a full one.</summary>
    public string? Subject { get; set; }

    public string? CaseNumber { get; set; }

    /// <summary>A dotted verb, see <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>Why (用途): the licence pull's purpose of use, the reason for a read, the outside system called.</summary>
    public string? Purpose { get; set; }

    /// <summary>Entity type of a state change.</summary>
    public string? EntityType { get; set; }

    /// <summary>Primary key of the changed entity (null when the database assigns it on insert).</summary>
    public string? EntityKey { get; set; }

    /// <summary>Names (never values) of the changed properties, comma-separated.</summary>
    public string? Changes { get; set; }

    /// <summary>Small JSON with facts of the event (method, host and path, status, duration, licence id…), masked.</summary>
    public string? Detail { get; set; }

    /// <summary>Lower-case hex SHA-256 of the request or outgoing message body, when there was an exchange.</summary>
    public string? RequestHash { get; set; }

    /// <summary>Lower-case hex SHA-256 of the response or incoming message body.</summary>
    public string? ResponseHash { get; set; }

    /// <summary>Position in the chain, 1, 2, 3… without gaps; null until chained.</summary>
    public long? Sequence { get; set; }

    /// <summary>The <see cref="Hash"/> of the event at <see cref="Sequence"/> − 1 (64 zeros for the first).</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 over the canonical serialisation of every field above (<see cref="AuditHash"/>).</summary>
    public string? Hash { get; set; }

    /// <summary>Set in memory on events the save interceptor generated, so a retried save does not add them twice.</summary>
    internal bool FromInterceptor { get; set; }
}
