using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>The applicants' catalogue: the four journeys, one notice per journey, and the form prefilled from the applicant's own licences.</summary>
public sealed class JourneyCatalogueTests(PlatformFixture platform) : PlatformTest(platform)
{
    [Fact]
    public async Task The_catalogue_lists_the_four_journeys_with_their_notice_and_prefills_from_the_applicants_licences()
    {
        using var anonymous = Platform.Factory.CreateApiClient();
        var list = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/journeys");
        Assert.Equal(["business-startup", "newborn", "property-transfer", "retirement"], list.EnumerateArray().Select(j => j.GetProperty("code").GetString()!).Order());
        var newbornSummary = list.EnumerateArray().Single(j => j.GetProperty("code").GetString() == "newborn");
        Assert.Equal(5, newbornSummary.GetProperty("promisedDays").GetInt32());
        Assert.Contains("police", newbornSummary.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("code").GetString()));

        var newborn = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/journeys/newborn");
        var materials = newborn.GetProperty("materials").EnumerateArray().ToDictionary(m => m.GetProperty("code").GetString()!);
        Assert.True(materials["mother-id-card"].GetProperty("pulledAutomatically").GetBoolean());
        Assert.True(materials["mother-id-card"].GetProperty("needsHolderConsent").GetBoolean());
        Assert.False(materials["maternity-receipts"].GetProperty("pulledAutomatically").GetBoolean());
        var matters = newborn.GetProperty("matters").EnumerateArray().ToDictionary(m => m.GetProperty("code").GetString()!);
        Assert.Equal(["birth-certificate"], matters["household-registration"].GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()!));
        Assert.True(matters["medical-insurance-enrolment"].GetProperty("instantApproval").GetBoolean());
        Assert.Equal("object", newborn.GetProperty("form").GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/journeys/no-such-journey")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/journeys/newborn/prefill")).StatusCode);
        using var father = await Platform.Factory.CreateApiClient().AuthorizeAsync("zhangwei");
        var prefill = await father.GetFromJsonAsync<JsonElement>("/api/v1/journeys/newborn/prefill");
        Assert.Equal("张伟", prefill.GetProperty("form").GetProperty("father").GetProperty("name").GetString());
        Assert.Equal("371702199003071231", prefill.GetProperty("form").GetProperty("father").GetProperty("idNumber").GetString());
        Assert.NotEmpty(prefill.GetProperty("fromLicences").EnumerateArray());
    }
}
