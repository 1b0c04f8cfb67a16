using System.Security.Cryptography;

namespace OneThing.Host.Protection;

/// <summary>A stored protected value cannot be read: tampered, moved from another column, or under a key the ring does not hold.</summary>
public sealed class FieldProtectionException(string message, Exception? inner = null) : CryptographicException(message, inner);
