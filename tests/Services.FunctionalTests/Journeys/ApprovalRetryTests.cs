using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>
/// A clerk's approval stands even when writing the licence back fails: the matter faults, its retry (on
/// any node) finishes the same approval — it never reopens the matter or forgets who decided.
/// </summary>
public sealed class ApprovalRetryTests(PlatformFixture platform) : PlatformTest(platform)
{
    [Fact]
    public async Task An_approval_whose_licence_write_back_failed_is_completed_by_the_retry_with_the_clerk_as_decider()
    {
        using var journeys = new JourneyClient(Platform);
        Assert.Equal(HttpStatusCode.Created, (await journeys.PostAsync("lina", "/api/v1/me/consents",
            new { granteeIdNumber = "371702199003071231", journey = "newborn", licenceTypes = new[] { "id-card" } })).StatusCode);
        var number = (await journeys.SubmitAsync("zhangwei", NewbornForm)).GetProperty("number").GetString()!;
        var task = await journeys.TaskAsync("clerk.health", number, "birth-certificate");

        // A second node whose licence library address is dead decides the task.
        var settings = Platform.Settings();
        settings["Integrations:LicenceLibrary:BaseUrl"] = "http://127.0.0.1:1/licence-library/v1/";
        await using (var broken = new OneThingAppFactory(settings))
        {
            using var clerk = await broken.CreateApiClient().AuthorizeAsync("clerk.health");
            Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/v1/clerk/tasks/{task}/claim", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/v1/clerk/tasks/{task}/approve", new { comment = "核验无误" })).StatusCode);
        }

        // The retry timer runs on the healthy node: the same approval completes, with the licence written back.
        var @case = await journeys.WaitForMatterAsync("zhangwei", number, "birth-certificate", "Approved", TimeSpan.FromSeconds(60));
        var matter = JourneyClient.Matter(@case, "birth-certificate");
        Assert.Equal("Clerk", matter.GetProperty("decider").GetString());
        Assert.Equal("核验无误", matter.GetProperty("reason").GetString());
        Assert.StartsWith("1.2.156.3005.2.", matter.GetProperty("licenceId").GetString(), StringComparison.Ordinal);
        Assert.Single(@case.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "MatterStarted" && e.GetProperty("matter").GetString() == "birth-certificate");
        Assert.DoesNotContain(@case.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "MatterRestarted");
        var queue = await journeys.GetJsonAsync("clerk.health", $"/api/v1/clerk/tasks?caseNumber={number}");
        Assert.Equal(0, queue.GetProperty("total").GetInt32());
    }

    private static readonly object NewbornForm = new
    {
        journey = "newborn",
        form = new
        {
            child = new { name = "张小宝", sex = "男", birthDate = "2026-11-20", birthPlace = "371702", hospital = "菏泽市立医院" },
            father = new { name = "张伟", idNumber = "371702199003071231", phone = "13800000001" },
            mother = new { name = "李娜", idNumber = "371702199205152240", phone = "13800000002" },
            household = new { parent = "father", idNumber = "371702199003071231" },
            bankAccount = new { bankName = "中国工商银行菏泽分行", accountNumber = "6222021234567890123" },
            address = "山东省菏泽市牡丹区中华路100号",
        },
    };
}
