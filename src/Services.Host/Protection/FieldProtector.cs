using System.Security.Cryptography;
using System.Text;

namespace OneThing.Host.Protection;

/// <summary>
/// Field encryption at rest: AES-256-GCM under a key ring, each value bound to its table and column.
/// <list type="bullet">
/// <item>Text is stored as <c>enc:v1:&lt;keyId&gt;:&lt;base64(nonce | ciphertext | tag)&gt;</c>; bytes as the ASCII
/// header <c>enc:v1:&lt;keyId&gt;:</c> followed by the raw nonce, ciphertext and tag.</item>
/// <item>The associated data is <c>onething/v1/&lt;keyId&gt;/&lt;purpose&gt;</c> with purpose <c>Table.Column</c>, so a
/// value copied into another column, a flipped byte or a wrong key fails to decrypt, loudly
/// (<see cref="FieldProtectionException"/>) — never garbage.</item>
/// <item>Values without the prefix are legacy plain text from before encryption and are returned as they are;
/// the <c>reencrypt</c> command rewrites them (and everything under an older key) under the active key.</item>
/// </list>
/// Lookup hashes (<see cref="Hash"/>) are HMAC-SHA256 under a separate key, for exact matches on ID numbers.
/// </summary>
public sealed class FieldProtector
{
    public const string Prefix = "enc:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] PrefixBytes = Encoding.ASCII.GetBytes(Prefix);

    private readonly IReadOnlyDictionary<string, byte[]> _keys;
    private readonly byte[] _lookupKey;

    public FieldProtector(FieldKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!keys.Keys.ContainsKey(keys.ActiveKeyId))
        {
            throw new ArgumentException($"The active key '{keys.ActiveKeyId}' is not in the ring.", nameof(keys));
        }

        _keys = keys.Keys.ToDictionary(k => k.Key, k => k.Value.ToArray(), StringComparer.Ordinal);
        _lookupKey = keys.LookupKey.ToArray();
        ActiveKeyId = keys.ActiveKeyId;
    }

    /// <summary>A protector on the marked development keys (tests, design-time tooling).</summary>
    public static FieldProtector Development { get; } = new(DevelopmentFieldKeys.Keys);

    public string ActiveKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => [.. _keys.Keys];

    /// <summary>Encrypts <paramref name="plaintext"/> for the column named by <paramref name="purpose"/> (<c>Table.Column</c>).</summary>
    public string Protect(string plaintext, string purpose)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var sealedBytes = Seal(Encoding.UTF8.GetBytes(plaintext), purpose, ActiveKeyId);
        return $"{Prefix}{ActiveKeyId}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>Decrypts a value written by <see cref="Protect(string, string)"/>; unprefixed legacy plain text is returned as it is.</summary>
    public string Unprotect(string stored, string purpose)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        var separator = stored.IndexOf(':', Prefix.Length);
        if (separator < 0)
        {
            throw new FieldProtectionException($"A protected value of {purpose} is malformed (no key id).");
        }

        var keyId = stored[Prefix.Length..separator];
        var payload = stored.AsSpan(separator + 1);
        var bytes = new byte[(payload.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64Chars(payload, bytes, out var written))
        {
            throw new FieldProtectionException($"A protected value of {purpose} is malformed (not base64).");
        }

        return Encoding.UTF8.GetString(Open(bytes.AsSpan(0, written), purpose, keyId));
    }

    /// <summary>Encrypts bytes (files, documents) for the column named by <paramref name="purpose"/>.</summary>
    public byte[] Protect(byte[] plaintext, string purpose)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var header = Encoding.ASCII.GetBytes($"{Prefix}{ActiveKeyId}:");
        return [.. header, .. Seal(plaintext, purpose, ActiveKeyId)];
    }

    /// <summary>Decrypts bytes written by <see cref="Protect(byte[], string)"/>; bytes without the header are legacy plain content.</summary>
    public byte[] Unprotect(byte[] stored, string purpose)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.AsSpan().StartsWith(PrefixBytes))
        {
            return stored;
        }

        var separator = stored.AsSpan(PrefixBytes.Length).IndexOf((byte)':');
        if (separator < 0 || separator > 32)
        {
            throw new FieldProtectionException($"A protected value of {purpose} is malformed (no key id).");
        }

        var keyId = Encoding.ASCII.GetString(stored, PrefixBytes.Length, separator);
        return Open(stored.AsSpan(PrefixBytes.Length + separator + 1), purpose, keyId);
    }

    /// <summary>Whether a stored value is already encrypted under the active key (else <c>reencrypt</c> rewrites it).</summary>
    public bool IsCurrent(string stored) => stored.StartsWith($"{Prefix}{ActiveKeyId}:", StringComparison.Ordinal);

    /// <inheritdoc cref="IsCurrent(string)"/>
    public bool IsCurrent(byte[] stored) => stored.AsSpan().StartsWith(Encoding.ASCII.GetBytes($"{Prefix}{ActiveKeyId}:"));

    /// <summary>
    /// The lookup hash of an identifier (hex HMAC-SHA256 under the lookup key, of the trimmed, upper-cased value):
    /// equal identifiers give equal hashes, so a column of them can be indexed and matched exactly.
    /// </summary>
    public string Hash(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var normalised = identifier.Trim().ToUpperInvariant();
        return Convert.ToHexStringLower(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(normalised)));
    }

    /// <summary><see cref="Hash"/> of a value that may be absent.</summary>
    public string? HashOrNull(string? identifier) => identifier is null ? null : Hash(identifier);

    private byte[] Seal(ReadOnlySpan<byte> plaintext, string purpose, string keyId)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[keyId], TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), AssociatedData(purpose, keyId));
        return output;
    }

    private byte[] Open(ReadOnlySpan<byte> sealedBytes, string purpose, string keyId)
    {
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new FieldProtectionException($"A protected value of {purpose} is under key '{keyId}', which the key ring does not hold.");
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new FieldProtectionException($"A protected value of {purpose} is truncated.");
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes[..NonceSize], sealedBytes.Slice(NonceSize, length), sealedBytes[(NonceSize + length)..], plaintext, AssociatedData(purpose, keyId));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new FieldProtectionException($"A protected value of {purpose} failed authentication (tampered, from another column, or a wrong key).", e);
        }

        return plaintext;
    }

    private static byte[] AssociatedData(string purpose, string keyId) => Encoding.UTF8.GetBytes($"onething/v1/{keyId}/{purpose}");
}
