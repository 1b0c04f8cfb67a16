using System.Text.Json.Nodes;
using OneThing.Host.Cases.Identifiers;
using OneThing.Host.Identity;
using OneThing.Host.Sandbox;
using OneThing.Host.Sandbox.OutsideSystems;
using OneThing.Integrations.Licences;

namespace OneThing.UnitTests.Sandbox;

/// <summary>The demo e-licences (demo-licences.json) and licence types (licence-types.json) are well-formed data.</summary>
public sealed class DemoLicencesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    /// <summary>The field names other parts of OneThing read from <see cref="LicenceRecord.Data"/>.</summary>
    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["id-card"] = ["name", "sex", "ethnicity", "birthDate", "address", "idNumber", "issuingAuthority", "validFrom", "validUntil"],
        ["household-register"] = ["householdNumber", "headName", "headIdNumber", "address", "registrationAuthority", "members"],
        ["marriage-certificate"] = ["certificateNumber", "registeredOn", "holderName", "holderIdNumber", "spouseName", "spouseIdNumber", "registrationAuthority"],
        ["business-licence"] = ["name", "creditCode", "legalRepresentative", "companyType", "registeredCapital", "establishedOn", "address", "businessScope"],
        ["property-certificate"] = ["certificateNumber", "owner", "ownerIdNumber", "address", "area", "use", "rightType", "unitNumber"],
    };

    [Fact]
    public void Every_demo_licence_has_a_valid_identifier_of_its_type_and_issuer()
    {
        var licences = DemoLicenceSeeder.Load();
        Assert.NotEmpty(licences);
        Assert.Equal(licences.Count, licences.Select(l => l.Id).Distinct().Count());
        foreach (var licence in licences)
        {
            Assert.True(LicenceIdentifier.TryParse(licence.Id, out var id, out var error), $"{licence.Id}: {error?.Message}");
            Assert.Equal(licence.Id, id!.Value);
            Assert.Equal(LicenceTypes.Find(licence.Type)?.TypeCode, id.TypeCode);
            Assert.Equal(licence.IssuerCode, id.IssuerCode);
        }
    }

    [Fact]
    public void Every_demo_licence_has_a_valid_holder_identifier_and_issuer_credit_code()
    {
        foreach (var licence in DemoLicenceSeeder.Load())
        {
            var person = ResidentIdNumber.TryParse(licence.HolderId, Today, out _, out _);
            var organisation = CreditCode.TryParse(licence.HolderId, out _, out _);
            Assert.True(person || organisation, $"{licence.Id}: holder {licence.HolderId} is neither an ID number nor a credit code.");
            Assert.Equal(licence.Type == "business-licence", organisation);
            Assert.True(CreditCode.TryParse(licence.IssuerCode, out _, out var error), $"{licence.Id}: issuer {licence.IssuerCode}: {error?.Message}");
            Assert.False(string.IsNullOrWhiteSpace(licence.HolderName));
            Assert.False(string.IsNullOrWhiteSpace(licence.IssuerName));
        }
    }

    [Fact]
    public void Demo_licence_content_has_the_field_names_other_components_read()
    {
        foreach (var licence in DemoLicenceSeeder.Load())
        {
            Assert.True(Fields.TryGetValue(licence.Type, out var fields), $"no field list for {licence.Type}");
            var missing = fields.Where(f => licence.Data[f] is null).ToList();
            Assert.True(missing.Count == 0, $"{licence.Id} lacks {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Identity_numbers_inside_the_licences_are_valid_and_name_the_holder()
    {
        foreach (var licence in DemoLicenceSeeder.Load())
        {
            var expectedHolder = licence.Type switch
            {
                "id-card" => licence.Data["idNumber"],
                "household-register" => licence.Data["headIdNumber"],
                "marriage-certificate" => licence.Data["holderIdNumber"],
                "business-licence" => licence.Data["creditCode"],
                "property-certificate" => licence.Data["ownerIdNumber"],
                _ => null,
            };
            Assert.Equal(licence.HolderId, expectedHolder?.GetValue<string>());

            var numbers = (licence.Data["members"] as JsonArray ?? []).Select(m => m!["idNumber"]!.GetValue<string>())
                .Append(licence.Data["spouseIdNumber"]?.GetValue<string>())
                .OfType<string>();
            foreach (var number in numbers)
            {
                Assert.True(ResidentIdNumber.TryParse(number, Today, out _, out var error), $"{licence.Id}: {number}: {error?.Message}");
            }
        }
    }

    [Fact]
    public void The_sample_people_hold_what_their_journeys_need()
    {
        var licences = DemoLicenceSeeder.Load();
        var applicants = DemoUserSeeder.DemoAccounts().Where(a => a.Role == Roles.Applicant).Select(a => a.User).ToList();
        Assert.Contains(applicants, a => a.UserName == "sunli");
        Assert.Contains(applicants, a => a.UserName == "chenjing");
        foreach (var applicant in applicants)
        {
            Assert.True(ResidentIdNumber.TryParse(applicant.IdNumber, Today, out _, out var error), $"{applicant.UserName}: {error?.Message}");
            Assert.Single(licences, l => l.Type == "id-card" && l.HolderId == applicant.IdNumber);
        }

        var sunli = licences.Single(l => l.Type == "id-card" && l.HolderName == "孙丽");
        Assert.Equal(LicenceStatus.Revoked, sunli.Status);
        Assert.NotNull(sunli.StatusChangedAt);
        var chenjing = licences.Single(l => l.Type == "id-card" && l.HolderName == "陈静");
        Assert.Equal(new DateOnly(2025, 6, 30), chenjing.ValidUntil);

        // 张伟 and 李娜 share one household register and each hold a marriage certificate naming the other.
        var household = licences.Single(l => l.Type == "household-register" && l.HolderName == "张伟");
        Assert.Equal(["371702199003071231", "371702199205152240"], household.Data["members"]!.AsArray().Select(m => m!["idNumber"]!.GetValue<string>()));
        Assert.Equal("371702199205152240", licences.Single(l => l.Type == "marriage-certificate" && l.HolderName == "张伟").Data["spouseIdNumber"]!.GetValue<string>());
        Assert.Equal("371702199003071231", licences.Single(l => l.Type == "marriage-certificate" && l.HolderName == "李娜").Data["spouseIdNumber"]!.GetValue<string>());
        Assert.Equal(89.6m, licences.Single(l => l.Type == "property-certificate").Data["area"]!.GetValue<decimal>());
    }

    [Fact]
    public void Licence_types_are_the_codes_used_across_OneThing_with_GBT_36904_type_codes()
    {
        Assert.Equal(
            ["id-card", "household-register", "marriage-certificate", "birth-certificate", "vaccination-certificate", "business-licence", "property-certificate", "social-security-card"],
            LicenceTypes.All.Select(t => t.Code));
        foreach (var type in LicenceTypes.All)
        {
            Assert.Equal(21, type.TypeCode.Length);
            // The prefix is a ministry's credit code; its area part is 100000 (central government), which
            // CreditCode.TryParse refuses as an area of this installation, so only the check character is checked.
            Assert.Equal(CreditCode.CheckCharacter(type.TypeCode.AsSpan(0, 17)), type.TypeCode[17]);
            Assert.True(type.TypeCode[18..].All(char.IsAsciiDigit));
            Assert.False(string.IsNullOrWhiteSpace(type.Name));
        }

        Assert.Equal(LicenceTypes.All.Count, LicenceTypes.All.Select(t => t.TypeCode).Distinct().Count());
    }
}
