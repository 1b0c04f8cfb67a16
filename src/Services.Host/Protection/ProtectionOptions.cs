namespace OneThing.Host.Protection;

/// <summary>
/// Section <c>Protection</c>: the keys of field encryption at rest. <c>Protection:Keys:&lt;id&gt;</c> holds each
/// AES-256 key (base64 of 32 bytes) by its id, <c>Protection:ActiveKey</c> names the one new values are written
/// under (older keys stay for reading until <c>reencrypt</c> has run), <c>Protection:LookupKey</c> is the separate
/// HMAC-SHA256 key of the lookup hashes. Without them only the embedded default and the sandbox profile start,
/// on the marked development keys.
/// </summary>
public sealed class ProtectionOptions
{
    public const string Section = "Protection";

    public Dictionary<string, string> Keys { get; set; } = [];

    public string? ActiveKey { get; set; }

    public string? LookupKey { get; set; }
}
