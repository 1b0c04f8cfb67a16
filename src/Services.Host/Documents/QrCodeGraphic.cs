using PdfSharp.Drawing;
using QRCoder;

namespace OneThing.Host.Documents;

/// <summary>Draws a QR code as vector rectangles (one per run of dark modules), not as a bitmap.</summary>
public static class QrCodeGraphic
{
    /// <summary>Draws the QR code of <paramref name="text"/> (error correction M, with its quiet zone) into <paramref name="box"/>.</summary>
    public static void Draw(XGraphics gfx, XRect box, string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var count = matrix.Count;
        var module = Math.Min(box.Width, box.Height) / count;
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        for (var row = 0; row < count; row++)
        {
            var line = matrix[row];
            for (var column = 0; column < count;)
            {
                if (!line[column])
                {
                    column++;
                    continue;
                }

                var run = column;
                while (run < count && line[run])
                {
                    run++;
                }

                path.AddRectangle(box.X + column * module, box.Y + row * module, (run - column) * module, module);
                column = run;
            }
        }

        gfx.DrawPath(XBrushes.Black, path);
    }
}
