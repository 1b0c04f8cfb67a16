using System.Security.Cryptography.X509Certificates;

namespace OneThing.Host.Documents;

/// <summary>What <see cref="PdfSignatureVerifier"/> found.</summary>
/// <param name="IsValid">The signature is intact, covers the whole file, and (when trust anchors were given) its signer chains to one.</param>
/// <param name="Failure">Why not, in English, when not valid.</param>
/// <param name="Signer">The signer's certificate, when the signature could be read.</param>
/// <param name="SigningTime">The signed signing-time attribute, when present.</param>
/// <param name="CoversWholeDocument">The signed byte ranges span the whole file except the signature itself (nothing appended).</param>
/// <param name="ChainTrusted">Whether the signer chains to a trusted authority; null when no authority was given.</param>
public sealed record SignatureCheck(
    bool IsValid,
    string? Failure,
    X509Certificate2? Signer,
    DateTimeOffset? SigningTime,
    bool CoversWholeDocument,
    bool? ChainTrusted)
{
    /// <summary>The signer's common name (the department name, for a seal).</summary>
    public string? SignerName => Signer?.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    internal static SignatureCheck Invalid(string failure, X509Certificate2? signer = null, DateTimeOffset? signingTime = null, bool covers = false) =>
        new(false, failure, signer, signingTime, covers, null);
}
