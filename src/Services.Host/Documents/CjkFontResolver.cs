using PdfSharp.Fonts;

namespace OneThing.Host.Documents;

/// <summary>
/// Gives PDFsharp one TrueType CJK font for every family it asks for, so Chinese, Latin and digits are set
/// in the same Song face and embedded as a subset (text extracts exactly; see MACHINE-NOTES "PDF and Chinese text").
/// </summary>
/// <remarks>
/// PDFsharp's font resolver is process-wide and may be set only once: use <see cref="Install"/>, which sets it
/// at the first call and hands back the same resolver afterwards. Bold is simulated (the font has one weight).
/// </remarks>
public sealed class CjkFontResolver : IFontResolver
{
    /// <summary>The family name documents ask for; any other family resolves to the same face.</summary>
    public const string FamilyName = "OneThing Song";

    private const string FaceName = "OneThing-Song";
    private static readonly Lock InstallGate = new();
    private readonly byte[] font;

    private CjkFontResolver(string fontPath)
    {
        FontPath = fontPath;
        font = File.ReadAllBytes(FontPath);
        var tag = font.Length >= 4 ? System.Text.Encoding.ASCII.GetString(font, 0, 4) : string.Empty;
        if (tag is "ttcf" or "OTTO")
        {
            // PDFsharp throws NullReferenceException on collections and embeds CFF fonts wrongly.
            throw new InvalidDataException($"{FontPath} is {(tag == "ttcf" ? "a TrueType collection" : "a CFF (OpenType) font")}; documents need a single TrueType font. {MissingFontMessage(DocumentOptions.DebianSongFontPath)}");
        }
    }

    /// <summary>The resolver PDFsharp uses in this process, once <see cref="Install"/> has run.</summary>
    public static CjkFontResolver? Installed { get; private set; }

    /// <summary>Full path of the font file.</summary>
    public string FontPath { get; }

    /// <summary>What the operator reads when the font is missing.</summary>
    public static string MissingFontMessage(string fontPath) =>
        $"Document generation needs the TrueType Song font: apt-get install fonts-arphic-gbsn00lp (expected at {fontPath})";

    /// <summary>
    /// Makes the font at <paramref name="fontPath"/> PDFsharp's resolver for this process, or returns the
    /// resolver already installed for the same file.
    /// </summary>
    /// <exception cref="FileNotFoundException">The font file does not exist (message: <see cref="MissingFontMessage"/>).</exception>
    /// <exception cref="InvalidDataException">The file is a font collection or a CFF-outline font.</exception>
    /// <exception cref="InvalidOperationException">A different font was installed before.</exception>
    public static CjkFontResolver Install(string fontPath)
    {
        var path = Path.GetFullPath(fontPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(MissingFontMessage(path), path);
        }

        lock (InstallGate)
        {
            if (Installed is not null)
            {
                return Installed.FontPath == path
                    ? Installed
                    : throw new InvalidOperationException($"PDFsharp's font resolver is process-wide and already uses {Installed.FontPath}; cannot switch to {path}.");
            }

            var resolver = new CjkFontResolver(path);
            GlobalFontSettings.FontResolver = resolver;
            Installed = resolver;
            return resolver;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(FaceName, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? font : null;
}
