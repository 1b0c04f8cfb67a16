using System.Globalization;

namespace OneThing.Host.Cases.Identifiers;

/// <summary>
/// A case number (办件编号): the GB/T 2260 code of the accepting area, the acceptance date, a daily
/// sequence and an ISO 7064 MOD 37,36 check character, e.g. <c>371702 20261129 000123 K</c> written
/// together. No national format exists; this one lets a clerk read where and when, and catches typos.
/// </summary>
public sealed record CaseNumber(string Value, string RegionCode, DateOnly Date, int Sequence)
{
    public const int Length = 21;

    public static CaseNumber Create(string regionCode, DateOnly date, int sequence)
    {
        if (!Identifiers.RegionCode.IsWellFormed(regionCode) || regionCode.Length != 6)
        {
            throw new ArgumentException($"'{regionCode}' is not a six-digit GB/T 2260 code.", nameof(regionCode));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999_999);
        var body = $"{regionCode}{date:yyyyMMdd}{sequence:D6}";
        return new CaseNumber(body + Iso7064.Mod37_36(body), regionCode, date, sequence);
    }

    public static bool TryParse(string? text, out CaseNumber? number, out IdentifierError? error)
    {
        number = null;
        var value = text?.Trim().ToUpperInvariant() ?? string.Empty;
        error = value switch
        {
            { Length: not Length } => IdentifierError.Length,
            _ when !value.AsSpan(0, 20).ContainsOnlyDigits() => IdentifierError.Characters,
            _ when !Identifiers.RegionCode.IsWellFormed(value[..6]) => IdentifierError.Region,
            _ when !DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => IdentifierError.Date,
            _ when Iso7064.Mod37_36(value.AsSpan(0, 20)) != value[20] => IdentifierError.CheckCharacter,
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        number = new CaseNumber(value, value[..6], DateOnly.ParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture),
            int.Parse(value.AsSpan(14, 6), CultureInfo.InvariantCulture));
        return true;
    }

    public override string ToString() => Value;
}
