namespace OneThing.Host.Cases.Identifiers;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from <c>0123456789ABCDEFGHJKLMNPQRTUWXY</c> (no I, O, Z, S, V):
/// registration authority, organisation category, 6-digit area code, 9-character organisation code, and a check
/// character: weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28, check = 31 − (Σ mod 31), 31 written as 0.
/// </summary>
public sealed record CreditCode(string Value, string AreaCode)
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    public static bool TryParse(string? text, out CreditCode? code, out IdentifierError? error)
    {
        code = null;
        var value = text?.Trim().ToUpperInvariant() ?? string.Empty;
        error = value switch
        {
            { Length: not 18 } => IdentifierError.Length,
            _ when value.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)) => IdentifierError.Characters,
            _ when !value.AsSpan(2, 6).ContainsOnlyDigits() || !RegionCode.IsWellFormed(value.Substring(2, 6)) => IdentifierError.Region,
            _ when CheckCharacter(value) != value[17] => IdentifierError.CheckCharacter,
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        code = new CreditCode(value, value.Substring(2, 6));
        return true;
    }
}
