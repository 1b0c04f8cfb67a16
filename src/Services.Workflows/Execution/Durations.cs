using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;

namespace OneThing.Workflows.Execution;

/// <summary>Reads durations (<c>PT30M</c>, <c>P3D</c>, <c>00:30:00</c>) and instants from input values.</summary>
public static class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
    }

    /// <summary>
    /// An instant from a value that is either a duration (counted from <paramref name="now"/>) or an
    /// ISO 8601 date-time.
    /// </summary>
    public static DateTimeOffset? ToInstant(JsonNode? value, DateTimeOffset now)
    {
        if (value is not JsonValue json || !json.TryGetValue<string>(out var text))
        {
            return null;
        }

        if (TryParse(text, out var duration))
        {
            return now + duration;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : throw new FormatException($"'{text}' is neither a duration nor a date-time.");
    }
}
