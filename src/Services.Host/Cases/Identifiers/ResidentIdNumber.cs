using System.Globalization;

namespace OneThing.Host.Cases.Identifiers;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence (odd for men),
/// check character from ISO 7064 MOD 11-2 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, "10X98765432").
/// </summary>
public sealed record ResidentIdNumber(string Value, string AreaCode, DateOnly BirthDate, bool IsMale)
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Parses and checks a number; <paramref name="error"/> says what is wrong when it returns false.</summary>
    public static bool TryParse(string? text, DateOnly today, out ResidentIdNumber? number, out IdentifierError? error)
    {
        number = null;
        var value = text?.Trim().ToUpperInvariant() ?? string.Empty;
        error = value switch
        {
            { Length: not 18 } => IdentifierError.Length,
            _ when !value.AsSpan(0, 17).ContainsOnlyDigits() || !(char.IsAsciiDigit(value[17]) || value[17] == 'X') => IdentifierError.Characters,
            _ when !RegionCode.IsWellFormed(value[..6]) => IdentifierError.Region,
            _ when !DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
                || birth.Year < 1900 || birth > today => IdentifierError.Date,
            _ when CheckCharacter(value) != value[17] => IdentifierError.CheckCharacter,
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        number = new ResidentIdNumber(value, value[..6], DateOnly.ParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture), (value[16] - '0') % 2 == 1);
        return true;
    }

    /// <summary>Masked for lists and logs: <c>3717**********1231</c>.</summary>
    public string Masked => Mask(Value);

    public static string Mask(string value) => Privacy.Masking.IdNumber(value);

    public override string ToString() => Masked;
}

internal static class SpanExtensions
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
