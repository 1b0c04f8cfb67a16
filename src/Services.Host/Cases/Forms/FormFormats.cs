using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using OneThing.Host.Cases.Identifiers;

namespace OneThing.Host.Cases.Forms;

/// <summary>
/// The <c>format</c> values journey forms use for Chinese identifiers, checked with the identifier types in
/// <c>Cases/Identifiers</c>. Registered in a registry local to each evaluation (not the library's global one),
/// because <see cref="ResidentId"/> needs today's date and tests need to choose it.
/// </summary>
public static partial class FormFormats
{
    /// <summary>公民身份号码 (GB 11643).</summary>
    public const string ResidentId = "resident-id";

    /// <summary>统一社会信用代码 (GB 32100).</summary>
    public const string CreditCode = "credit-code";

    /// <summary>行政区划代码 (GB/T 2260), 6 or 12 digits.</summary>
    public const string RegionCode = "region-code";

    /// <summary>Mainland mobile number: 11 digits starting 13–19.</summary>
    public const string Mobile = "mobile";

    /// <summary>A real calendar date written yyyy-MM-dd (replaces the library's RFC 3339 <c>date</c>).</summary>
    public const string Date = "date";

    /// <summary>电子证照标识 (GB/T 36904).</summary>
    public const string LicenceId = "licence-id";

    public static IReadOnlyList<string> Names { get; } = [ResidentId, CreditCode, RegionCode, Mobile, Date, LicenceId];

    public static readonly FormatFailure BadRegionCode = new("format.region-code",
        "The area code must be a GB/T 2260 code of 6 or 12 digits.", "行政区划代码应为 6 位或 12 位的 GB/T 2260 代码。");

    public static readonly FormatFailure BadMobile = new("format.mobile",
        "A mobile number has 11 digits and starts with 13 to 19.", "手机号码应为 11 位数字，以 13 至 19 开头。");

    public static readonly FormatFailure BadDate = new("format.date",
        "The date must be a real date written as yyyy-MM-dd.", "日期应为有效日期，格式为 yyyy-MM-dd。");

    private static readonly Dictionary<IdentifierError, string> IdentifierSuffixes = new()
    {
        [IdentifierError.Length] = "length",
        [IdentifierError.Characters] = "characters",
        [IdentifierError.Region] = "region",
        [IdentifierError.Date] = "date",
        [IdentifierError.CheckCharacter] = "check",
        [IdentifierError.Format] = "structure",
    };

    /// <summary>Every failure by code, so that a code carried through the schema library finds its messages again.</summary>
    private static readonly Dictionary<string, FormatFailure> ByCode = new[] { ResidentId, CreditCode, LicenceId }
        .SelectMany(format => IdentifierSuffixes.Keys.Select(error => ForIdentifier(format, error)))
        .Append(BadRegionCode).Append(BadMobile).Append(BadDate)
        .ToDictionary(failure => failure.Code, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="format"/> is one of ours.</summary>
    public static bool IsDefined(string format) => Names.Contains(format, StringComparer.Ordinal);

    /// <summary>Checks <paramref name="value"/> against one of our formats; null when it matches (or the format is not ours).</summary>
    public static FormatFailure? Check(string format, string value, DateOnly today)
    {
        IdentifierError? error = null;
        var valid = format switch
        {
            ResidentId => ResidentIdNumber.TryParse(value, today, out _, out error),
            CreditCode => Identifiers.CreditCode.TryParse(value, out _, out error),
            LicenceId => LicenceIdentifier.TryParse(value, out _, out error),
            RegionCode => Identifiers.RegionCode.IsWellFormed(value),
            Mobile => MobilePattern().IsMatch(value),
            Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        return valid ? null : format switch
        {
            RegionCode => BadRegionCode,
            Mobile => BadMobile,
            Date => BadDate,
            _ => ForIdentifier(format, error ?? IdentifierError.Format),
        };
    }

    /// <summary>The failure a code stands for, when it is one of ours.</summary>
    public static FormatFailure? FromCode(string? code) => code is not null && ByCode.TryGetValue(code, out var failure) ? failure : null;

    /// <summary>
    /// A registry with our formats for one evaluation. A failing check reports its failure code as the library's
    /// error message; <see cref="FromCode"/> turns it back into messages for people.
    /// </summary>
    internal static FormatRegistry CreateRegistry(DateOnly today)
    {
        var registry = new FormatRegistry();
        foreach (var name in Names)
        {
            registry.Register(new PredicateFormat(name, (JsonElement element, out string? code) =>
            {
                code = element.ValueKind == JsonValueKind.String ? Check(name, element.GetString()!, today)?.Code : null;
                return code is null;
            }));
        }

        return registry;
    }

    private static FormatFailure ForIdentifier(string format, IdentifierError error) =>
        new($"format.{format}.{IdentifierSuffixes[error]}", error.Message, error.MessageZh);

    [GeneratedRegex("^1[3-9][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();
}
