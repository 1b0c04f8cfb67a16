using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OneThing.Host.Documents;

/// <summary>
/// Draws the visible seal as vector graphics: a red double circle, the department name along the upper arc,
/// a five-pointed star in the middle and a short line (e.g. 电子印章) under it. No bitmap: it stays sharp at any
/// zoom and costs a few hundred bytes.
/// </summary>
public static class SealGraphic
{
    /// <summary>Seal red (朱红), slightly translucent so the issuer's name under it stays legible.</summary>
    public static readonly XColor Red = XColor.FromArgb(215, 220, 20, 30);

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    /// <summary>Draws the seal into the square <paramref name="box"/>.</summary>
    public static void Draw(XGraphics gfx, XRect box, string departmentName, string caption)
    {
        var r = Math.Min(box.Width, box.Height) / 2;
        var cx = box.X + box.Width / 2;
        var cy = box.Y + box.Height / 2;
        var brush = new XSolidBrush(Red);

        var outer = r * 0.05;
        gfx.DrawEllipse(new XPen(Red, outer), cx - r + outer / 2, cy - r + outer / 2, 2 * r - outer, 2 * r - outer);
        var inner = r * 0.87;
        gfx.DrawEllipse(new XPen(Red, r * 0.012), cx - inner, cy - inner, 2 * inner, 2 * inner);

        DrawStar(gfx, brush, cx, cy, r * 0.26);
        DrawArcText(gfx, brush, departmentName, cx, cy, r);

        var captionFont = new XFont(CjkFontResolver.FamilyName, r * 0.15, XFontStyleEx.Bold, Unicode);
        var state = gfx.Save();
        gfx.TranslateTransform(cx, cy + r * 0.5);
        gfx.ScaleTransform(0.9, 1);
        gfx.DrawString(caption, captionFont, brush, new XRect(-r, -r * 0.1, 2 * r, r * 0.2), XStringFormats.Center);
        gfx.Restore(state);
    }

    private static void DrawArcText(XGraphics gfx, XBrush brush, string text, double cx, double cy, double r)
    {
        var characters = new List<string>();
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            characters.Add(elements.GetTextElement());
        }

        if (characters.Count == 0)
        {
            return;
        }

        // Up to 240° of arc, at most 26° per character; long names get narrower glyphs.
        var step = characters.Count == 1 ? 0 : Math.Min(26.0, 240.0 / (characters.Count - 1));
        var size = r * Math.Clamp(step / 100, 0.17, 0.24);
        var font = new XFont(CjkFontResolver.FamilyName, size, XFontStyleEx.Bold, Unicode);
        var radius = r * 0.87 - r * 0.06 - size / 2;
        var start = -step * (characters.Count - 1) / 2;
        for (var i = 0; i < characters.Count; i++)
        {
            var state = gfx.Save();
            gfx.TranslateTransform(cx, cy);
            gfx.RotateTransform(start + i * step);
            gfx.TranslateTransform(0, -radius);
            gfx.ScaleTransform(0.85, 1.1);
            gfx.DrawString(characters[i], font, brush, new XRect(-size, -size / 2, 2 * size, size), XStringFormats.Center);
            gfx.Restore(state);
        }
    }

    private static void DrawStar(XGraphics gfx, XBrush brush, double cx, double cy, double radius)
    {
        var points = new XPoint[10];
        for (var i = 0; i < 10; i++)
        {
            var length = i % 2 == 0 ? radius : radius * 0.382;
            var angle = Math.PI / 5 * i;
            points[i] = new XPoint(cx + length * Math.Sin(angle), cy - length * Math.Cos(angle));
        }

        gfx.DrawPolygon(brush, points, XFillMode.Winding);
    }
}
