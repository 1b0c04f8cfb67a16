using System.Text.RegularExpressions;

namespace OneThing.Host.Privacy;

/// <summary>
/// The one place for masking rules (D8): every list, every log record and every audit subject shows personal
/// numbers only in these forms. ID numbers keep the first and last four characters (<c>3717**********1231</c>),
/// mobile numbers the first three and last four (<c>138****5678</c>), bank cards the first and last four.
/// Full values appear only in the owner's own case view and to a clerk working the case, and those reads are audited.
/// </summary>
public static partial class Masking
{
    /// <summary>A resident ID number (GB 11643, 18 characters) or a 15-digit first-generation number; anything else is starred whole.</summary>
    public static string IdNumber(string? value) => value switch
    {
        null => string.Empty,
        { Length: 18 or 15 } => Keep(value, 4, 4),
        _ => new string('*', value.Length),
    };

    /// <summary>A mainland mobile number: <c>138****5678</c>.</summary>
    public static string Phone(string? value) => value switch
    {
        null => string.Empty,
        { Length: >= 11 } => Keep(value, 3, 4),
        { Length: > 4 } => Keep(value, 0, 4),
        _ => new string('*', value.Length),
    };

    /// <summary>A bank card or account number: first four and last four, the middle starred.</summary>
    public static string BankCard(string? value) => value switch
    {
        null => string.Empty,
        { Length: > 8 } => Keep(value, 4, 4),
        _ => new string('*', value.Length),
    };

    /// <summary>
    /// An identifier of a case's subject: an 18-character ID number is masked; an organisation's unified social credit
    /// code (also 18 characters) is public registration data but is masked the same way for one rule everywhere.
    /// </summary>
    public static string Subject(string? value) => IdNumber(value);

    /// <summary>
    /// Free text (a log message, a logged value, a URL path): every ID number, mobile number and bank card number in it
    /// is masked. Patterns are bounded by non-alphanumerics so case numbers and licence identifiers are left alone.
    /// </summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text) || !ContainsDigitRun(text))
        {
            return text ?? string.Empty;
        }

        var masked = IdNumberPattern().Replace(text, m => IdNumber(m.Value));
        masked = BankCardPattern().Replace(masked, m => BankCard(m.Value));
        return PhonePattern().Replace(masked, m => Phone(m.Value));
    }

    private static string Keep(string value, int head, int tail) =>
        string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));

    /// <summary>Cheap pre-check: nothing to mask without a run of at least 11 digits.</summary>
    private static bool ContainsDigitRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 11)
            {
                return true;
            }
        }

        return false;
    }

    // An 18-character ID number: region, a plausible birth date, sequence, check character.
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdNumberPattern();

    // A card or account number of 16 to 19 digits. Not checked with Luhn: bank account numbers need not pass it, and a
    // wrongly masked long number in a log costs less than a card number in the clear. Case numbers (20 digits and a
    // check character) and licence identifiers (dotted) do not match.
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])")]
    private static partial Regex BankCardPattern();

    // A mainland mobile number, optionally with the +86 / 86 prefix.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\+?86)?1[3-9]\d{9}(?![0-9A-Za-z])")]
    private static partial Regex PhonePattern();
}
