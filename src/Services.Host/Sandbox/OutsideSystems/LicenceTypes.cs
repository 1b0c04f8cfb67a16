using System.Text.Json;

namespace OneThing.Host.Sandbox.OutsideSystems;

/// <summary>One licence type: OneThing's code, the GB/T 36904 type code that starts its identifiers, and its names.</summary>
public sealed record LicenceType(string Code, string TypeCode, string Name, string NameEn);

/// <summary>The licence types OneThing knows (licence-types.json, reference data).</summary>
public static class LicenceTypes
{
    public static IReadOnlyList<LicenceType> All { get; } = Load();

    public static LicenceType? Find(string? code) => All.FirstOrDefault(t => t.Code == code);

    private static List<LicenceType> Load()
    {
        using var stream = typeof(LicenceTypes).Assembly.GetManifestResourceStream("OneThing.Host.Sandbox.OutsideSystems.licence-types.json")
            ?? throw new InvalidOperationException("licence-types.json is not embedded.");
        return JsonSerializer.Deserialize<TypesFile>(stream, JsonSerializerOptions.Web)?.Types
            ?? throw new InvalidOperationException("licence-types.json is empty.");
    }

    private sealed record TypesFile(List<LicenceType> Types);
}
