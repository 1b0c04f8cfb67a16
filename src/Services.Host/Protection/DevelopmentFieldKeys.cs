using System.Security.Cryptography;
using System.Text;

namespace OneThing.Host.Protection;

/// <summary>
/// DEVELOPMENT KEYS — NOT SECRET. Derived from a fixed, public label so every embedded or sandbox run reads
/// what an earlier one wrote. Used only when no <c>Protection</c> keys are configured and the host is the
/// embedded default or runs the sandbox profile (<see cref="ConfigurationFieldKeyProvider"/>); a real
/// installation refuses to start without its own keys.
/// </summary>
public static class DevelopmentFieldKeys
{
    public const string KeyId = "dev1";

    public static FieldKeys Keys { get; } = new(
        new Dictionary<string, byte[]> { [KeyId] = Derive("field-encryption") },
        KeyId,
        Derive("lookup-hash"));

    private static byte[] Derive(string purpose) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"OneThing DEVELOPMENT key, not secret: {purpose}"));
}
