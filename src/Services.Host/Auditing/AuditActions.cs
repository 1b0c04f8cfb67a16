namespace OneThing.Host.Auditing;

/// <summary>The verbs of the audit trail.</summary>
public static class AuditActions
{
    public const string Created = "entity.created";
    public const string Modified = "entity.modified";
    public const string Deleted = "entity.deleted";

    /// <summary>A full read of personal data (the case form, an instance's variables).</summary>
    public const string PersonalDataRead = "personal-data.read";

    public const string LicencePull = "licence.pull";

    /// <summary>An HTTP call to an outside system.</summary>
    public const string OutsideCall = "exchange.http";

    /// <summary>A message sent to a department's system over the bus.</summary>
    public const string MessageSent = "exchange.bus.sent";

    /// <summary>A message received from a department's system over the bus.</summary>
    public const string MessageReceived = "exchange.bus.received";
}
