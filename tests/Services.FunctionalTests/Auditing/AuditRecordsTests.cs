using System.Text.Json;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.FunctionalTests.Journeys;
using static OneThing.FunctionalTests.Integrations.SandboxPeople;

namespace OneThing.FunctionalTests.Auditing;

/// <summary>
/// What a driven case leaves in the trail: every licence pull, every call to an outside system, each message to and
/// from a department's system, the owner's full read and every state change — with their fields and hashes, and no
/// personal number in the clear.
/// </summary>
public sealed class AuditRecordsTests(PlatformFixture platform) : PlatformTest(platform)
{
    private const string Hex64 = "^[0-9a-f]{64}$";

    [Fact]
    public async Task A_case_leaves_its_licence_pulls_exchanges_reads_and_changes_in_the_trail()
    {
        using var journeys = new JourneyClient(Platform);
        var number = await NewbornSteps.AcceptedCaseAsync(journeys);
        await journeys.CaseAsync(NewbornSteps.Father, number);
        var father = await AuditDatabase.UserIdAsync(Platform, NewbornSteps.Father);

        // Licence pulls: the holder masked, the purpose, the licence, both hashes.
        var pulls = await EventsAsync(journeys, number, "licence.pull");
        Assert.NotEmpty(pulls);
        Assert.All(pulls, p =>
        {
            Assert.Matches(@"^\d{4}\*{10}[\dX]{4}$", p.GetProperty("subject").GetString()!);
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("purpose").GetString()));
            Assert.Equal(father, p.GetProperty("actorId").GetString());
            Assert.Matches(Hex64, p.GetProperty("requestHash").GetString()!);
            Assert.Matches(Hex64, p.GetProperty("responseHash").GetString()!);
        });
        var motherPull = pulls.Single(p => p.GetProperty("subject").GetString() == "3717**********2240");
        var detail = JsonDocument.Parse(motherPull.GetProperty("detail").GetString()!).RootElement;
        Assert.Equal("id-card", detail.GetProperty("licenceType").GetString());
        Assert.StartsWith("1.2.156.", detail.GetProperty("licenceId").GetString());
        Assert.Equal("Ok", detail.GetProperty("outcome").GetString());
        Assert.NotEqual(JsonValueKind.Null, detail.GetProperty("consentId").ValueKind);

        // The HTTP exchange behind each pull: host and path, no query values, status, both bodies' hashes, the case.
        var calls = await EventsAsync(journeys, number, "exchange.http");
        var pullCalls = calls.Where(c => JsonDocument.Parse(c.GetProperty("detail").GetString()!).RootElement.GetProperty("path").GetString()!.EndsWith("/pulls")).ToList();
        Assert.True(pullCalls.Count >= pulls.Count, $"{pullCalls.Count} pull calls for {pulls.Count} pulls");
        Assert.All(pullCalls, c =>
        {
            var d = JsonDocument.Parse(c.GetProperty("detail").GetString()!).RootElement;
            Assert.Equal("POST", d.GetProperty("method").GetString());
            Assert.Equal(200, d.GetProperty("status").GetInt32());
            Assert.True(d.GetProperty("durationMs").GetDouble() >= 0);
            Assert.Matches(Hex64, c.GetProperty("requestHash").GetString()!);
            Assert.Matches(Hex64, c.GetProperty("responseHash").GetString()!);
            Assert.NotEqual(c.GetProperty("requestHash").GetString(), c.GetProperty("responseHash").GetString());
        });

        // A licence list call names the holder in its path: masked there too.
        var everyCall = await EventsAsync(journeys, null, "exchange.http");
        Assert.All(everyCall, c => Assert.DoesNotContain(ZhangWei, c.GetProperty("subject").GetString()));

        // The owner's full read of the case.
        var reads = await EventsAsync(journeys, number, "personal-data.read");
        Assert.Contains(reads, r => r.GetProperty("actorId").GetString() == father && r.GetProperty("actorRole").GetString() == "applicant"
            && r.GetProperty("purpose").GetString()!.StartsWith("owner's own case view", StringComparison.Ordinal));

        // Messages to the departments' systems, with the hash of the body.
        await Eventually.HoldsAsync(async () => (await EventsAsync(journeys, number, "exchange.bus.sent")).Count > 0, "a matter was sent to a department");
        var sent = (await EventsAsync(journeys, number, "exchange.bus.sent"))[0];
        Assert.Matches(Hex64, sent.GetProperty("requestHash").GetString()!);
        Assert.Contains("MatterSubmitted", sent.GetProperty("detail").GetString());

        // State changes: the case's creation names its properties, never their values.
        var created = (await EventsAsync(journeys, number, "entity.created")).Single(e => e.GetProperty("entityType").GetString() == "Case");
        Assert.Contains("SubjectIdNumber", created.GetProperty("changes").GetString());
        Assert.Contains("Form", created.GetProperty("changes").GetString());
        Assert.Equal(father, created.GetProperty("actorId").GetString());

        // Nothing in the whole trail holds a personal number in the clear.
        var dump = await AuditDatabase.ScalarAsync<string>(Platform,
            "SELECT coalesce(string_agg(concat_ws('|', \"ActorId\", \"Subject\", \"Purpose\", \"EntityKey\", \"Changes\", \"Detail\"), E'\\n'), '') FROM \"AuditEvents\"");
        Assert.DoesNotContain(ZhangWei, dump);
        Assert.DoesNotContain(LiNa, dump);
        Assert.DoesNotContain(NewbornSteps.FatherPhone, dump);
    }

    [Fact]
    public async Task A_clerks_full_read_and_a_decision_from_a_departments_system_are_recorded()
    {
        using var journeys = new JourneyClient(Platform);
        var number = await NewbornSteps.AcceptedCaseAsync(journeys);

        // A clerk working the case reads its full form.
        await journeys.ApproveAsync(NewbornSteps.Clerk("health"), number, "birth-certificate");
        await journeys.CaseAsync(NewbornSteps.Clerk("health"), number);
        var clerk = await AuditDatabase.UserIdAsync(Platform, NewbornSteps.Clerk("health"));
        Assert.Contains(await EventsAsync(journeys, number, "personal-data.read"), r => r.GetProperty("actorId").GetString() == clerk
            && r.GetProperty("actorRole").GetString() == "clerk" && r.GetProperty("purpose").GetString()!.Contains("department health", StringComparison.Ordinal));

        // The sandbox's human resources system decides the social security card over the bus once the household is registered.
        await journeys.ApproveAsync(NewbornSteps.Clerk("police"), number, "household-registration");
        await journeys.WaitForMatterAsync(NewbornSteps.Father, number, "social-security-card", "Approved", TimeSpan.FromSeconds(90));
        List<JsonElement> received = [];
        await Eventually.HoldsAsync(async () => (received = await EventsAsync(journeys, number, "exchange.bus.received")).Count > 0,
            "a department's system answered", TimeSpan.FromSeconds(30));
        var message = received[0];
        Assert.StartsWith("system:", message.GetProperty("actorId").GetString());
        Assert.Equal("department-system", message.GetProperty("actorRole").GetString());
        Assert.Matches(Hex64, message.GetProperty("responseHash").GetString()!);
        // Its changes name the system as actor; a clerk's claim and decision name the clerk; all carry the case number.
        var changes = await EventsAsync(journeys, number, "entity.modified");
        Assert.Contains(changes, c => c.GetProperty("actorId").GetString() == message.GetProperty("actorId").GetString()
            && c.GetProperty("entityType").GetString() == "CaseMatter");
        Assert.Contains(changes, c => c.GetProperty("actorId").GetString() == clerk && c.GetProperty("entityType").GetString() == "WorkflowTask"
            && c.GetProperty("changes").GetString()!.Contains("Assignee", StringComparison.Ordinal));
    }

    private static async Task<List<JsonElement>> EventsAsync(JourneyClient journeys, string? caseNumber, string action)
    {
        var query = $"/api/v1/audit/events?action={action}&pageSize=500" + (caseNumber is null ? string.Empty : $"&caseNumber={caseNumber}");
        var page = await journeys.GetJsonAsync("auditor", query);
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
