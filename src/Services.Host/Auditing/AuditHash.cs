using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OneThing.Host.Auditing;

/// <summary>
/// The chain's hash: SHA-256 (lower-case hex) over a canonical serialisation of an event — a JSON array of every field
/// in a fixed order, strings as JSON strings, absent values as <c>null</c>, the time as UTC <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>,
/// numbers in invariant culture — so the same event always hashes the same on every node and provider, and no field
/// can be shifted into its neighbour. The previous event's hash is one of the fields: that is the chain.
/// </summary>
public static class AuditHash
{
    /// <summary>The <see cref="AuditEvent.PreviousHash"/> of the first event.</summary>
    public static readonly string Genesis = new('0', 64);

    public const string Version = "onething-audit-v1";

    public static string Compute(AuditEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(Version);
            json.WriteNumberValue(e.Sequence ?? throw new InvalidOperationException("An unchained event has no hash."));
            json.WriteStringValue(e.PreviousHash);
            json.WriteNumberValue(e.Id);
            json.WriteStringValue(Time(e.OccurredAt));
            json.WriteStringValue(e.ActorId);
            json.WriteStringValue(e.ActorRole);
            json.WriteStringValue(e.Subject);
            json.WriteStringValue(e.CaseNumber);
            json.WriteStringValue(e.Action);
            json.WriteStringValue(e.Purpose);
            json.WriteStringValue(e.EntityType);
            json.WriteStringValue(e.EntityKey);
            json.WriteStringValue(e.Changes);
            json.WriteStringValue(e.Detail);
            json.WriteStringValue(e.RequestHash);
            json.WriteStringValue(e.ResponseHash);
            json.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>Lower-case hex SHA-256 of a body (a request, a response, a message).</summary>
    public static string Of(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    public static string Of(string body) => Of(Encoding.UTF8.GetBytes(body));

    /// <summary>The stored precision: milliseconds, which SQLite, PostgreSQL and SQL Server all keep exactly.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    private static string Time(DateTimeOffset at) => Truncate(at).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
