namespace OneThing.Host.Documents;

/// <summary>A signed PDF and the SHA-256 (lower-case hex) of the final file.</summary>
public sealed record SealedPdf(byte[] Pdf, string Sha256);
