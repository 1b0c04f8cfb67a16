using PdfSharp.Drawing;
using PdfSharp.Pdf.Annotations;

namespace OneThing.Host.Documents;

/// <summary>The visible appearance of the signature: the department's seal.</summary>
internal sealed class SealAppearance(DepartmentSeal seal) : IAnnotationAppearanceHandler
{
    // PDFsharp passes the widget's rectangle on the page; the appearance form's own space starts at (0, 0).
    public void DrawAppearance(XGraphics gfx, XRect rect) =>
        SealGraphic.Draw(gfx, new XRect(0, 0, rect.Width, rect.Height), seal.DepartmentName, seal.Caption);
}
