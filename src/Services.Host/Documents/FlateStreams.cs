using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace OneThing.Host.Documents;

/// <summary>
/// Re-encodes the FlateDecode streams of a PDF that PDFsharp 6.2.4 wrote, and rebuilds its cross-reference table.
/// </summary>
/// <remarks>
/// PDFsharp 6.2.4 ends its zlib streams without the final deflate block and the Adler-32 checksum: tolerant
/// readers show the file, but <c>qpdf --check</c> warns and strict decoders reject it (docs/decisions/0007).
/// Expects PDFsharp's layout: one classic xref section, <c>/Length</c> given directly; anything else is left as is.
/// </remarks>
internal static partial class FlateStreams
{
    private static readonly byte[] StartXref = "startxref"u8.ToArray();

    /// <summary>The same PDF with every FlateDecode stream properly terminated.</summary>
    public static byte[] Repair(byte[] pdf)
    {
        var xrefOffset = ReadStartXref(pdf);
        if (xrefOffset is null || !TryReadXref(pdf, xrefOffset.Value, out var entries, out var trailerStart))
        {
            return pdf;
        }

        var objects = entries.Where(e => e.InUse).OrderBy(e => e.Offset).ToList();
        if (objects.Count == 0 || objects[^1].Offset >= xrefOffset)
        {
            return pdf;
        }

        using var output = new MemoryStream(pdf.Length);
        output.Write(pdf, 0, (int)objects[0].Offset);
        var moved = new Dictionary<int, long>();
        for (var i = 0; i < objects.Count; i++)
        {
            var start = (int)objects[i].Offset;
            var end = i + 1 < objects.Count ? (int)objects[i + 1].Offset : (int)xrefOffset.Value;
            moved[objects[i].Number] = output.Position;
            WriteObject(output, pdf.AsSpan(start, end - start));
        }

        var newXref = output.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {entries.Count}\n");
        foreach (var entry in entries)
        {
            table.Append(entry.InUse
                ? string.Create(CultureInfo.InvariantCulture, $"{moved[entry.Number]:D10} {entry.Generation:D5} n\n")
                : string.Create(CultureInfo.InvariantCulture, $"{entry.Offset:D10} {entry.Generation:D5} f\n"));
        }

        output.Write(Encoding.ASCII.GetBytes(table.ToString()));
        var trailerEnd = pdf.AsSpan().LastIndexOf(StartXref);
        output.Write(pdf.AsSpan(trailerStart, trailerEnd - trailerStart));
        output.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"startxref\n{newXref}\n%%EOF\n")));
        return output.ToArray();
    }

    private static void WriteObject(MemoryStream output, ReadOnlySpan<byte> span)
    {
        var text = Encoding.Latin1.GetString(span);
        var streamKeyword = StreamKeyword().Match(text);
        if (!streamKeyword.Success)
        {
            output.Write(span);
            return;
        }

        var dictionary = text[..streamKeyword.Index];
        var length = LengthKey().Match(dictionary);
        var dataStart = streamKeyword.Index + streamKeyword.Length;
        if (!length.Success || !FlateFilter().IsMatch(dictionary) || ArrayFilter().IsMatch(dictionary)
            || !int.TryParse(length.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var dataLength)
            || dataStart + dataLength > span.Length
            || !EndStream().IsMatch(text[(dataStart + dataLength)..]))
        {
            output.Write(span);
            return;
        }

        byte[] encoded;
        try
        {
            encoded = Reencode(span.Slice(dataStart, dataLength));
        }
        catch (InvalidDataException)
        {
            output.Write(span);
            return;
        }

        var header = string.Concat(
            dictionary.AsSpan(0, length.Groups[2].Index),
            encoded.Length.ToString(CultureInfo.InvariantCulture),
            dictionary.AsSpan(length.Groups[2].Index + length.Groups[2].Length));
        output.Write(Encoding.Latin1.GetBytes(header));
        output.Write(span.Slice(streamKeyword.Index, streamKeyword.Length));
        output.Write(encoded);
        output.Write(span[(dataStart + dataLength)..]);
    }

    private static byte[] Reencode(ReadOnlySpan<byte> zlib)
    {
        if (zlib.Length < 2 || (zlib[0] & 0x0F) != 8)
        {
            throw new InvalidDataException("Not a zlib stream.");
        }

        // Inflate the raw deflate data after the two-byte zlib header: it tolerates the missing end.
        using var inflated = new MemoryStream(zlib.Length * 4);
        using (var inflater = new DeflateStream(new MemoryStream(zlib[2..].ToArray()), CompressionMode.Decompress))
        {
            inflater.CopyTo(inflated);
        }

        using var deflated = new MemoryStream(zlib.Length + 64);
        using (var deflater = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflater.Write(inflated.GetBuffer(), 0, (int)inflated.Length);
        }

        return deflated.ToArray();
    }

    private static long? ReadStartXref(byte[] pdf)
    {
        var at = pdf.AsSpan().LastIndexOf(StartXref);
        if (at < 0)
        {
            return null;
        }

        var match = Number().Match(Encoding.ASCII.GetString(pdf, at + StartXref.Length, Math.Min(32, pdf.Length - at - StartXref.Length)));
        return match.Success ? long.Parse(match.Value, CultureInfo.InvariantCulture) : null;
    }

    private static bool TryReadXref(byte[] pdf, long offset, out List<XrefEntry> entries, out int trailerStart)
    {
        entries = [];
        trailerStart = 0;
        var text = Encoding.Latin1.GetString(pdf, (int)offset, pdf.Length - (int)offset);
        var section = XrefSection().Match(text);
        if (!section.Success || section.Groups[1].Value != "0")
        {
            return false;
        }

        var count = int.Parse(section.Groups[2].Value, CultureInfo.InvariantCulture);
        var position = section.Length;
        for (var i = 0; i < count; i++)
        {
            var entry = XrefLine().Match(text, position);
            if (!entry.Success || entry.Index != position)
            {
                return false;
            }

            entries.Add(new XrefEntry(i, long.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(entry.Groups[2].Value, CultureInfo.InvariantCulture), entry.Groups[3].Value == "n"));
            position += entry.Length;
        }

        if (!text.AsSpan(position).TrimStart().StartsWith("trailer", StringComparison.Ordinal))
        {
            return false;
        }

        trailerStart = (int)offset + position;
        return true;
    }

    private readonly record struct XrefEntry(int Number, long Offset, int Generation, bool InUse);

    [GeneratedRegex(@"(?<!end)stream\r?\n")]
    private static partial Regex StreamKeyword();

    [GeneratedRegex(@"/Length(\s+)(\d+)(?![\d.])")]
    private static partial Regex LengthKey();

    [GeneratedRegex(@"/Filter\s*/FlateDecode\b")]
    private static partial Regex FlateFilter();

    [GeneratedRegex(@"/Filter\s*\[")]
    private static partial Regex ArrayFilter();

    [GeneratedRegex(@"^\r?\n?endstream")]
    private static partial Regex EndStream();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"^xref\r?\n(\d+) (\d+)\r?\n")]
    private static partial Regex XrefSection();

    [GeneratedRegex(@"(\d{10}) (\d{5}) ([nf])( \r| \n|\r\n)")]
    private static partial Regex XrefLine();
}
