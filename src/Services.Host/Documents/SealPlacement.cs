using PdfSharp.Drawing;

namespace OneThing.Host.Documents;

/// <summary>Where the seal goes: a page and a square in PDF user space (points, origin at the bottom left).</summary>
public sealed record SealPlacement(int PageIndex, XRect Area);
