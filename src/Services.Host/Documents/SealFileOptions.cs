namespace OneThing.Host.Documents;

/// <summary>One department's seal certificate and private key as a PKCS#12 file.</summary>
public sealed class SealFileOptions
{
    public string Path { get; set; } = string.Empty;

    public string? Password { get; set; }
}
