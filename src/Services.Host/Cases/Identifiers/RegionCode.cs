namespace OneThing.Host.Cases.Identifiers;

/// <summary>
/// Administrative area codes (GB/T 2260): two digits for the province, two for the city, two for the county.
/// Platforms often pass 12-digit codes (township and village appended); the first six are the GB/T 2260 code.
/// </summary>
public static class RegionCode
{
    /// <summary>Province-level codes (省、自治区、直辖市、特别行政区).</summary>
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    ];

    /// <summary>The areas this installation serves, by code (Heze, Shandong).</summary>
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["370000"] = "山东省",
        ["371700"] = "菏泽市",
        ["371702"] = "牡丹区",
        ["371703"] = "定陶区",
        ["371721"] = "曹县",
        ["371722"] = "单县",
        ["371723"] = "成武县",
        ["371724"] = "巨野县",
        ["371725"] = "郓城县",
        ["371726"] = "鄄城县",
        ["371728"] = "东明县",
    };

    /// <summary>Six digits (or twelve) with a real province prefix, and not a bare province placeholder like 370099.</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: 6 or 12 } && code.AsSpan().ContainsOnlyDigits() && Provinces.Contains(code[..2]);

    /// <summary>The six-digit GB/T 2260 part of a 6- or 12-digit code.</summary>
    public static string Normalize(string code) => code.Length == 12 ? code[..6] : code;

    public static string? NameOf(string code) => Known.GetValueOrDefault(Normalize(code));
}
