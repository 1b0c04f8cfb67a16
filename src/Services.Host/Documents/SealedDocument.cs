namespace OneThing.Host.Documents;

/// <summary>An issued result document: the signed PDF and what to record about it.</summary>
/// <param name="Pdf">The signed file.</param>
/// <param name="Sha256">SHA-256 of <paramref name="Pdf"/>, lower-case hex.</param>
/// <param name="PageCount">Number of pages.</param>
/// <param name="CertificateThumbprint">SHA-256 thumbprint (upper-case hex) of the seal certificate that signed it.</param>
public sealed record SealedDocument(byte[] Pdf, string Sha256, int PageCount, string CertificateThumbprint);
