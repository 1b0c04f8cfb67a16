namespace OneThing.Host.Documents.NationalSeal;

/// <summary>
/// The outcome of verifying a national-algorithm signature: valid, or the first step that failed with a reason in
/// English and Chinese. What could be read (seal name, signing time, document id) is filled in either way.
/// </summary>
/// <param name="FailedStep">The first failed step, or null when every step passed.</param>
/// <param name="Reason">Why it failed (English), or null.</param>
/// <param name="ReasonZh">Why it failed (Chinese), or null.</param>
/// <param name="Signature">The signature read, or null when it could not be read.</param>
public sealed record NationalSealCheck(NationalSealStep? FailedStep, string? Reason, string? ReasonZh, SesSignature? Signature)
{
    /// <summary>Whether every step passed.</summary>
    public bool IsValid => FailedStep is null;

    /// <summary>The seal's name (the department), when the signature could be read.</summary>
    public string? SealName => Signature?.Seal.Content.Property.Name;

    /// <summary>When it was signed, when the signature could be read.</summary>
    public DateTimeOffset? SignedAt => Signature?.SignedAt;

    /// <summary>The signed document's id, when the signature could be read.</summary>
    public string? DocumentId => Signature?.DocumentId;

    internal static NationalSealCheck Valid(SesSignature signature) => new(null, null, null, signature);

    internal static NationalSealCheck Failed(NationalSealStep step, string reason, string reasonZh, SesSignature? signature) =>
        new(step, reason, reasonZh, signature);
}
