using PdfSharp.Drawing;

namespace OneThing.Host.Documents;

/// <summary>Breaks text into lines that fit a width: anywhere between CJK characters, at spaces in Latin text.</summary>
internal static class TextLines
{
    public static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var start = 0;
            while (start < paragraph.Length)
            {
                var end = start;
                var lastSpace = -1;
                var used = 0.0;
                while (end < paragraph.Length)
                {
                    var length = char.IsHighSurrogate(paragraph[end]) && end + 1 < paragraph.Length ? 2 : 1;
                    var advance = gfx.MeasureString(paragraph.Substring(end, length), font).Width;
                    if (used + advance > width && end > start)
                    {
                        break;
                    }

                    if (paragraph[end] == ' ')
                    {
                        lastSpace = end;
                    }

                    used += advance;
                    end += length;
                }

                // 避头: closing punctuation never starts a line; it takes the character before it along.
                if (end < paragraph.Length && end - start > 1 && ClosingPunctuation.Contains(paragraph[end]))
                {
                    end--;
                }

                // Inside a Latin word: go back to the last space, if there is one on the line.
                if (end < paragraph.Length && IsLatin(paragraph[end]) && end > 0 && IsLatin(paragraph[end - 1]) && lastSpace > start)
                {
                    end = lastSpace + 1;
                }

                lines.Add(paragraph[start..end].TrimEnd());
                start = end;
                while (start < paragraph.Length && paragraph[start] == ' ')
                {
                    start++;
                }
            }

            if (paragraph.Length == 0)
            {
                lines.Add(string.Empty);
            }
        }

        return lines;
    }

    private const string ClosingPunctuation = "，。、；：？！）》」』”’,.;:?!)";

    private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or ',' or '-' or '/' or ':' or '?' or '=';
}
