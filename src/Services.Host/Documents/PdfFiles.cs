using PdfSharp.Pdf;

namespace OneThing.Host.Documents;

/// <summary>Saves PDFsharp documents as well-formed files.</summary>
internal static class PdfFiles
{
    /// <summary>Saves <paramref name="document"/> and repairs PDFsharp's zlib streams (<see cref="FlateStreams"/>).</summary>
    public static byte[] Save(PdfDocument document)
    {
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return FlateStreams.Repair(output.ToArray());
    }
}
