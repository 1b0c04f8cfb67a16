using System.Text;
using System.Text.RegularExpressions;

namespace OneThing.Host.Hosting;

/// <summary>Converts the JSONPath that System.Text.Json reports into an RFC 6901 JSON pointer fragment.</summary>
public static partial class JsonPaths
{
    public static string ToPointer(string jsonPath)
    {
        var pointer = new StringBuilder("#");
        foreach (Match segment in Segments().Matches(jsonPath))
        {
            var name = segment.Groups["name"].Success ? segment.Groups["name"].Value
                : segment.Groups["quoted"].Success ? segment.Groups["quoted"].Value
                : segment.Groups["index"].Value;
            pointer.Append('/').Append(name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return pointer.ToString();
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Segments();
}
