using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>
/// Matters walked across the 2026 Spring Festival and National Day on a host whose clock the test sets:
/// exact promised and statutory deadlines on the official calendar (make-up Saturdays count, holidays do
/// not), and an excluded period (inspection) that moves the deadlines by exactly the suspended working days.
/// </summary>
public sealed class HolidayClockTests(PlatformFixture platform) : PlatformTest(platform)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DateTimeOffset EndOf(int month, int day) => new(2026, month, day, 23, 59, 59, 999, Beijing);

    [Fact]
    public async Task Deadlines_across_the_Spring_Festival_and_National_Day_and_a_suspension_are_exact()
    {
        var clock = new ShiftedTimeProvider();
        clock.SetNow(new DateTimeOffset(2026, 2, 13, 10, 0, 0, Beijing)); // Friday before the Spring Festival
        await using var host = new OneThingAppFactory(Platform.Settings(), services => services.AddSingleton<TimeProvider>(clock));

        var number = await SubmitNewbornAsync(host, "张春生", "spring-1");
        var @case = await WaitForAsync(host, number, c => Status(c, "maternity-allowance") == "InReview");
        // Acceptance on Friday 2/13: the make-up Saturday 2/14 is the first working day; 2/15–2/23 are off.
        AssertDeadlines(@case, "birth-certificate", EndOf(2, 14), EndOf(2, 27));        // 1 and 5 working days
        AssertDeadlines(@case, "vaccination-certificate", EndOf(2, 24), EndOf(2, 27));  // 2 and 5
        AssertDeadlines(@case, "maternity-allowance", EndOf(2, 25), EndOf(3, 19));      // 3 and 20 (Saturday 2/28 is a make-up day too)

        // Tuesday 2/24: medical insurance stops the clock for a home inspection (1 promised and 18 statutory working days left).
        clock.SetNow(new DateTimeOffset(2026, 2, 24, 9, 0, 0, Beijing));
        using (var clerk = await host.CreateApiClient().AuthorizeAsync("clerk.medical-insurance"))
        {
            var task = (await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/clerk/tasks?caseNumber={number}&matter=maternity-allowance"))
                .GetProperty("items")[0].GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"/api/v1/clerk/tasks/{task}/suspend", new { kind = "holiday", reason = "" })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/v1/clerk/tasks/{task}/suspend", new { kind = "inspection", reason = "生育津贴需入户核查" })).StatusCode);
            var suspended = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/clerk/suspended");
            Assert.Contains(suspended.EnumerateArray(), m => m.GetProperty("caseNumber").GetString() == number && m.GetProperty("matter").GetString() == "maternity-allowance");
        }

        @case = await WaitForAsync(host, number, c => Status(c, "maternity-allowance") == "Suspended");
        Assert.StartsWith("inspection", Matter(@case, "maternity-allowance").GetProperty("suspensionReason").GetString(), StringComparison.Ordinal);

        // Monday 3/2 the clock runs again: the left-over days count from there.
        clock.SetNow(new DateTimeOffset(2026, 3, 2, 9, 0, 0, Beijing));
        using (var clerk = await host.CreateApiClient().AuthorizeAsync("clerk.medical-insurance"))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsync($"/api/v1/clerk/suspended/{number}/maternity-allowance/resume", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsync($"/api/v1/clerk/suspended/{number}/maternity-allowance/resume", null)).StatusCode);
        }

        @case = await WaitForAsync(host, number, c => Status(c, "maternity-allowance") == "InReview");
        AssertDeadlines(@case, "maternity-allowance", EndOf(3, 3), EndOf(3, 26));
        // (The fixture's other host runs on the real clock, months later, so the matter's warning timers fire there
        // too; only the clock's own moves are compared here.)
        string[] moves = ["MatterStarted", "ClockSuspended", "MatterRestarted", "ClockResumed"];
        var kinds = @case.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("matter").GetString() == "maternity-allowance")
            .Select(e => e.GetProperty("kind").GetString()).Where(k => moves.Contains(k)).ToList();
        Assert.Equal(["MatterStarted", "ClockSuspended", "MatterRestarted", "ClockResumed"], kinds);

        // National Day: accepted on Wednesday 9/30, 10/1–10/7 off, Saturday 10/10 a make-up working day.
        clock.SetNow(new DateTimeOffset(2026, 9, 30, 10, 0, 0, Beijing));
        var autumn = await SubmitNewbornAsync(host, "张国庆", "autumn-1");
        var october = await WaitForAsync(host, autumn, c => Status(c, "birth-certificate") == "InReview");
        AssertDeadlines(october, "birth-certificate", EndOf(10, 8), EndOf(10, 13));
        AssertDeadlines(october, "maternity-allowance", EndOf(10, 10), EndOf(11, 3));
    }

    private static async Task<string> SubmitNewbornAsync(OneThingAppFactory host, string child, string key)
    {
        using var mother = await host.CreateApiClient().AuthorizeAsync("lina");
        Assert.Equal(HttpStatusCode.Created, (await mother.PostAsJsonAsync("/api/v1/me/consents",
            new { granteeIdNumber = "371702199003071231", journey = "newborn", licenceTypes = new[] { "id-card" } })).StatusCode);
        using var father = await host.CreateApiClient().AuthorizeAsync("zhangwei");
        var form = NewbornSteps.Form(child);
        form["child"]!["birthDate"] = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(Beijing).AddDays(-3).ToString("yyyy-MM-dd");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(NewbornSteps.Submission(form)) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await father.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("number").GetString()!;
    }

    private static async Task<JsonElement> WaitForAsync(OneThingAppFactory host, string number, Func<JsonElement, bool> condition)
    {
        JsonElement @case = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var father = await host.CreateApiClient().AuthorizeAsync("zhangwei");
            @case = await father.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{number}");
            return condition(@case);
        }, $"case {number} reaches the expected state");
        return @case;
    }

    private static JsonElement Matter(JsonElement @case, string code) => JourneyClient.Matter(@case, code);

    private static string Status(JsonElement @case, string code) => JourneyClient.MatterStatus(@case, code);

    private static void AssertDeadlines(JsonElement @case, string matter, DateTimeOffset promised, DateTimeOffset statutory)
    {
        var m = Matter(@case, matter);
        Assert.Equal(promised, m.GetProperty("promisedDueAt").GetDateTimeOffset());
        Assert.Equal(statutory, m.GetProperty("statutoryDueAt").GetDateTimeOffset());
    }
}
