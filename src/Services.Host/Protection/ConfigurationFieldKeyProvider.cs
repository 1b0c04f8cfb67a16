using System.Text.RegularExpressions;
using OneThing.Host.Hosting;

namespace OneThing.Host.Protection;

/// <summary>
/// The key ring from configuration (section <c>Protection</c>). With no keys configured at all, the embedded
/// default and the sandbox profile fall back to <see cref="DevelopmentFieldKeys"/>; any other installation stops.
/// </summary>
public sealed partial class ConfigurationFieldKeyProvider(ProtectionOptions options, HostProfile profile) : IFieldKeyProvider
{
    public const int KeyBytes = 32;

    public FieldKeys GetKeys()
    {
        if (options.Keys.Count == 0 && options.ActiveKey is null && options.LookupKey is null)
        {
            if (profile.Embedded || profile.Sandbox)
            {
                return DevelopmentFieldKeys.Keys;
            }

            throw new StartupCheckException(
                "Protection:Keys:<id>, Protection:ActiveKey and Protection:LookupKey must be configured (base64 of 32 random bytes each): "
                + "personal data is encrypted at rest, and development keys are only used by the embedded default and the sandbox profile.");
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, value) in options.Keys)
        {
            if (!KeyId().IsMatch(id))
            {
                throw new StartupCheckException($"Protection:Keys:{id}: a key id is 1-32 letters, digits, '-' or '_'.");
            }

            keys[id] = Decode(value, $"Protection:Keys:{id}");
        }

        if (string.IsNullOrWhiteSpace(options.ActiveKey))
        {
            throw new StartupCheckException("Protection:ActiveKey must name the key (one of Protection:Keys) new values are encrypted under.");
        }

        if (!keys.ContainsKey(options.ActiveKey))
        {
            throw new StartupCheckException($"Protection:ActiveKey '{options.ActiveKey}' is not one of Protection:Keys ({string.Join(", ", keys.Keys)}).");
        }

        if (string.IsNullOrWhiteSpace(options.LookupKey))
        {
            throw new StartupCheckException("Protection:LookupKey must be configured (base64 of 32 random bytes): the HMAC key of the ID-number lookup hashes.");
        }

        return new FieldKeys(keys, options.ActiveKey, Decode(options.LookupKey, "Protection:LookupKey"));
    }

    private static byte[] Decode(string? value, string setting)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value ?? string.Empty);
        }
        catch (FormatException)
        {
            throw new StartupCheckException($"{setting} is not base64.");
        }

        return bytes.Length == KeyBytes ? bytes : throw new StartupCheckException($"{setting} must be {KeyBytes} bytes (base64), not {bytes.Length}.");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    public static partial Regex KeyId();
}
