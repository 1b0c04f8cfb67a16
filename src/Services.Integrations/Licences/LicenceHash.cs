using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneThing.Integrations.Licences;

/// <summary>
/// <see cref="LicenceRecord.Sha256"/>: lower-case hex SHA-256 of the licence content as canonical JSON — the
/// object <c>{data, holderId, holderName, id, issuedOn, issuerCode, issuerName, type, validUntil}</c> with the
/// keys of every object in ordinal order, no whitespace, UTF-8, dates as <c>yyyy-MM-dd</c>. The status is not
/// content: revoking a licence does not change its hash. Anyone holding a record can re-check it.
/// </summary>
public static class LicenceHash
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Compute(LicenceRecord licence) => Compute(
        licence.Id, licence.Type, licence.HolderId, licence.HolderName, licence.IssuerCode, licence.IssuerName,
        licence.IssuedOn, licence.ValidUntil, licence.Data);

    public static string Compute(string id, string type, string holderId, string holderName, string issuerCode, string issuerName,
        DateOnly issuedOn, DateOnly? validUntil, JsonObject data)
    {
        var content = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["holderId"] = holderId,
            ["holderName"] = holderName,
            ["issuerCode"] = issuerCode,
            ["issuerName"] = issuerName,
            ["issuedOn"] = issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["validUntil"] = validUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["data"] = data.DeepClone(),
        };

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Writer))
        {
            WriteCanonical(writer, content);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    WriteCanonical(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
