namespace OneThing.Host.Protection;

/// <summary>
/// The key ring as a key service hands it out: every AES-256 key by id, the id new values are written under,
/// and the HMAC key of the lookup hashes. Raw key bytes; <see cref="FieldProtector"/> keeps them in memory only.
/// </summary>
public sealed record FieldKeys(IReadOnlyDictionary<string, byte[]> Keys, string ActiveKeyId, byte[] LookupKey);

/// <summary>
/// Where the key ring comes from. <see cref="ConfigurationFieldKeyProvider"/> reads section <c>Protection</c>;
/// an installation with a KMS or HSM registers its own implementation (unwrapping data keys there) instead.
/// </summary>
public interface IFieldKeyProvider
{
    /// <summary>The key ring; throws <see cref="Hosting.StartupCheckException"/> naming the setting when it is incomplete.</summary>
    FieldKeys GetKeys();
}
