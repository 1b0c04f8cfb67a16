using System.ComponentModel.DataAnnotations;

namespace OneThing.Host.Documents;

/// <summary>
/// Settings of result documents (section <c>Documents</c>): the CJK font, and where the departments' seal
/// certificates come from.
/// </summary>
/// <remarks>
/// <code>
/// "Documents": {
///   "Enabled": true,
///   "FontPath": "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
///   "SealSource": "Files",                      // or "Development" (self-issued, never for real use)
///   "Seals": { "police": { "Path": "/run/secrets/police-seal.p12", "Password": "…" } },
///   "TrustedAuthorities": [ "/etc/onething/provincial-seal-ca.pem" ]
/// }
/// </code>
/// </remarks>
public sealed class DocumentOptions : IValidatableObject
{
    public const string Section = "Documents";

    /// <summary>Debian's <c>fonts-arphic-gbsn00lp</c>: a Song-style TrueType font covering Chinese, Latin and digits.</summary>
    public const string DebianSongFontPath = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";

    /// <summary>When false the host does not need the font or seals (nothing renders documents).</summary>
    public bool Enabled { get; set; }

    /// <summary>The TrueType (not .ttc, not CFF) font documents are set in.</summary>
    [Required]
    public string FontPath { get; set; } = DebianSongFontPath;

    /// <summary>The public address the QR code and verification link of every document point to.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Where department seals come from.</summary>
    public SealSource SealSource { get; set; } = SealSource.Development;

    /// <summary>Directory of the DEVELOPMENT seal authority and the seals it issued (<see cref="SealSource.Development"/>).</summary>
    [Required]
    public string SealDirectory { get; set; } = "data/seals";

    /// <summary>Key of the seals the development authority issues.</summary>
    public SealKeyAlgorithm SealKeyAlgorithm { get; set; } = SealKeyAlgorithm.EcdsaP256;

    /// <summary>PKCS#12 files of the departments' seal certificates by department code (<see cref="SealSource.Files"/>).</summary>
    public Dictionary<string, SealFileOptions> Seals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Certificate files (PEM or DER) of the seal authorities whose seals the verifier accepts
    /// (<see cref="SealSource.Files"/>; the development authority is trusted in <see cref="SealSource.Development"/>).
    /// </summary>
    public List<string> TrustedAuthorities { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && !string.IsNullOrWhiteSpace(FontPath) && !File.Exists(FontPath))
        {
            yield return new ValidationResult(CjkFontResolver.MissingFontMessage(Path.GetFullPath(FontPath)), [nameof(FontPath)]);
        }

        if (SealSource == SealSource.Files && Seals.Count == 0)
        {
            yield return new ValidationResult("SealSource is Files but no seal is configured (Documents:Seals:<department code>:Path).", [nameof(Seals)]);
        }

        foreach (var path in TrustedAuthorities.Where(p => !File.Exists(p)))
        {
            yield return new ValidationResult($"The trusted authority certificate {path} does not exist.", [nameof(TrustedAuthorities)]);
        }

        foreach (var (code, seal) in Seals.Where(s => string.IsNullOrWhiteSpace(s.Value.Path)))
        {
            yield return new ValidationResult($"Seals:{code}:Path is required.", [nameof(Seals)]);
        }
    }
}
