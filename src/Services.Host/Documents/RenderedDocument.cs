using PdfSharp.Pdf;

namespace OneThing.Host.Documents;

/// <summary>
/// A laid-out, unsigned result document, still in memory so the seal's glyphs join the same font subset.
/// It can be saved once: either sealed (<see cref="PdfSealer"/>) or as an unsigned preview (<see cref="ToUnsignedPdf"/>).
/// </summary>
public sealed class RenderedDocument(PdfDocument document, SealPlacement seal) : IDisposable
{
    /// <summary>The PDFsharp document.</summary>
    public PdfDocument Document { get; } = document;

    /// <summary>Where the seal goes: over the issuing body's name on the last page.</summary>
    public SealPlacement Seal { get; } = seal;

    public int PageCount { get; } = document.PageCount;

    /// <summary>The document as an unsigned PDF (a preview: it shows no seal).</summary>
    public byte[] ToUnsignedPdf() => PdfFiles.Save(Document);

    public void Dispose() => Document.Dispose();
}
