using System.Globalization;
using System.Text;

namespace OneThing.Host.Documents;

/// <summary>
/// Fills the signature dictionary PDFsharp reserved: writes the final <c>/ByteRange</c> (everything but the
/// <c>/Contents</c> hex string) into its padded placeholder, signs those bytes and writes the CMS blob as hex
/// into <c>/Contents</c>, zero-padded. Both keep their length, so no offset moves.
/// </summary>
internal static class SignatureSlot
{
    private static readonly byte[] ByteRangeKey = "/ByteRange"u8.ToArray();
    private static readonly byte[] ContentsKey = "/Contents<"u8.ToArray();

    /// <summary>Signs <paramref name="pdf"/> in place with <paramref name="sign"/> (given the signed byte ranges).</summary>
    public static void Fill(byte[] pdf, Func<byte[], byte[]> sign)
    {
        var span = pdf.AsSpan();
        var rangeKey = span.LastIndexOf(ByteRangeKey);
        var contentsKey = rangeKey < 0 ? -1 : span[..rangeKey].LastIndexOf(ContentsKey);
        if (contentsKey < 0)
        {
            throw new InvalidOperationException("The PDF has no signature placeholder (/Contents< … > /ByteRange[ … ]).");
        }

        // The /ByteRange placeholder: '[' … ']' followed by the spaces PDFsharp padded it with.
        var rangeStart = rangeKey + ByteRangeKey.Length;
        var rangeEnd = span[rangeStart..].IndexOf((byte)']') + rangeStart + 1;
        while (rangeEnd < pdf.Length && pdf[rangeEnd] == ' ')
        {
            rangeEnd++;
        }

        var hexStart = contentsKey + ContentsKey.Length;
        var hexEnd = span[hexStart..].IndexOf((byte)'>') + hexStart;
        if (pdf[rangeStart] != '[' || hexEnd < hexStart || hexEnd > rangeKey)
        {
            throw new InvalidOperationException("The signature placeholder is malformed.");
        }

        var secondStart = hexEnd + 1;
        var range = string.Create(CultureInfo.InvariantCulture, $"[0 {hexStart - 1} {secondStart} {pdf.Length - secondStart}]");
        if (range.Length > rangeEnd - rangeStart)
        {
            throw new InvalidOperationException("The /ByteRange placeholder is too short for this file.");
        }

        Encoding.ASCII.GetBytes(range.PadRight(rangeEnd - rangeStart), span[rangeStart..rangeEnd]);

        var content = new byte[hexStart - 1 + (pdf.Length - secondStart)];
        span[..(hexStart - 1)].CopyTo(content);
        span[secondStart..].CopyTo(content.AsSpan(hexStart - 1));
        var signature = sign(content);
        var room = hexEnd - hexStart;
        if (signature.Length * 2 > room)
        {
            throw new InvalidOperationException($"The signature ({signature.Length} bytes) does not fit the {room / 2} bytes reserved for it.");
        }

        Encoding.ASCII.GetBytes(Convert.ToHexString(signature).PadRight(room, '0'), span[hexStart..hexEnd]);
    }
}
