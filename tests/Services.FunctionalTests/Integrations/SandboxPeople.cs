using OneThing.Host.Cases.Identifiers;

namespace OneThing.FunctionalTests.Integrations;

/// <summary>The demo people of the sandbox (demo-users.json, demo-licences.json) and fresh synthetic ones.</summary>
internal static class SandboxPeople
{
    public const string ZhangWei = "371702199003071231";
    public const string LiNa = "371702199205152240";
    public const string LiuYang = "371703198508123019";
    public const string SunLi = "371723199504260323";
    public const string ChenJing = "371725197802140622";

    /// <summary>菏泽市公安局牡丹分局, issuer of the 牡丹区 ID cards and household registers.</summary>
    public const string MudanPolice = "11371702004300112P";

    /// <summary>A resident ID number nobody else in the run has (valid check character).</summary>
    public static string NewResident()
    {
        var birth = new DateOnly(1980, 1, 1).AddDays(Random.Shared.Next(0, 7000));
        var first17 = $"371702{birth:yyyyMMdd}{Random.Shared.Next(0, 1000):D3}";
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    public static string NewCaseNumber() => CaseNumber.Create("371702", new DateOnly(2026, 11, 29), Random.Shared.Next(1, 999_999)).Value;
}
