namespace OneThing.Host.Cases.Evaluations;

/// <summary>
/// The five official levels of 好差评 (国办发〔2019〕51号); the value is the score (5 best). The last two are bad
/// reviews (差评) and open a rectification.
/// </summary>
public enum SatisfactionLevel
{
    /// <summary>非常不满意</summary>
    VeryDissatisfied = 1,
    /// <summary>不满意</summary>
    Dissatisfied = 2,
    /// <summary>基本满意</summary>
    Basic = 3,
    /// <summary>满意</summary>
    Satisfied = 4,
    /// <summary>非常满意</summary>
    VerySatisfied = 5,
}

public static class SatisfactionLevels
{
    private static readonly Dictionary<SatisfactionLevel, string> Chinese = new()
    {
        [SatisfactionLevel.VerySatisfied] = "非常满意",
        [SatisfactionLevel.Satisfied] = "满意",
        [SatisfactionLevel.Basic] = "基本满意",
        [SatisfactionLevel.Dissatisfied] = "不满意",
        [SatisfactionLevel.VeryDissatisfied] = "非常不满意",
    };

    /// <summary>A bad review (差评): 不满意 or 非常不满意.</summary>
    public static bool IsBad(this SatisfactionLevel level) => level <= SatisfactionLevel.Dissatisfied;

    public static string Zh(this SatisfactionLevel level) => Chinese[level];

    /// <summary>Reads a level by its English name (any case) or its Chinese label; numbers are not levels.</summary>
    public static bool TryParse(string? text, out SatisfactionLevel level)
    {
        level = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        foreach (var (value, zh) in Chinese)
        {
            if (zh == trimmed || string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                level = value;
                return true;
            }
        }

        return false;
    }

    /// <summary>Every level, best first, as "English (中文)" for error messages.</summary>
    public static string Listing => string.Join(", ", Chinese.Select(l => $"{l.Key} ({l.Value})"));

    public static string ListingZh => string.Join("、", Chinese.Values);
}
