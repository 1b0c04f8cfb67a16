using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.FunctionalTests.Journeys;
using static OneThing.FunctionalTests.Journeys.NewbornSteps;

namespace OneThing.FunctionalTests.Cases;

/// <summary>
/// The calendar as versioned data over HTTP on PostgreSQL: an administrator publishes a year as a new current
/// version (never editing an old one), the deadline calculator and new deadlines use it and name it, clerks cannot
/// change it, and bad years are refused field by field. The 2027 arrangement is illustrative, not the State
/// Council's notice (published late in the preceding year).
/// </summary>
public sealed class CalendarAdminApiTests(PlatformFixture platform) : PlatformTest(platform), IDisposable
{
    private const string Shipped = "cn-2025-2026.1";
    private const string With2027 = "cn-2025-2027.2";

    /// <summary>Illustrative 2027: New Year 1/1–1/3, Spring Festival Sat 2/6–Fri 2/12, Sunday 2/14 worked.</summary>
    private static readonly object Year2027 = new
    {
        holidays = new[]
        {
            new { from = "2027-01-01", to = "2027-01-03", name = "元旦", nameEn = "New Year's Day" },
            new { from = "2027-02-06", to = "2027-02-12", name = "春节", nameEn = "Spring Festival" },
        },
        makeUpWorkingDays = new[] { "2027-02-14" },
        reason = "发布2027年节假日安排（测试用示例数据）· Publish the 2027 holidays (illustrative test data)",
        source = "国务院办公厅关于2027年部分节假日安排的通知（示例）",
    };

    private readonly JourneyClient _journeys = new(platform);

    [Fact]
    public async Task Publishing_2027_makes_a_new_current_version_that_the_deadline_calculator_uses_and_names()
    {
        var clerk = await _journeys.AsAsync("clerk.police");
        var admin = await _journeys.AsAsync("admin");
        var before = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/calendar/deadline?accepted=2027-02-05&workingDays=3");
        Assert.True(before.GetProperty("provisional").GetBoolean());
        Assert.Equal("2027-02-10", before.GetProperty("dueDate").GetString());
        Assert.Equal(Shipped, before.GetProperty("calendarVersion").GetString());
        var initial = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/calendars");
        Assert.Equal([(1, Shipped, true)], Versions(initial));

        var created = await admin.PutAsJsonAsync("/api/v1/admin/calendars/years/2027", Year2027);

        await JourneyClient.ExpectAsync(created, HttpStatusCode.Created, "admin publishes 2027");
        Assert.Equal("/api/v1/admin/calendars/2", created.Headers.Location!.OriginalString);
        var version = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(With2027, version.GetProperty("version").GetString());
        Assert.Equal("系统管理员", version.GetProperty("createdByName").GetString());
        Assert.True(version.GetProperty("isCurrent").GetBoolean());
        Assert.Equal([2025, 2026, 2027], version.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));

        var after = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/calendar/deadline?accepted=2027-02-05&workingDays=3");
        Assert.False(after.GetProperty("provisional").GetBoolean());
        Assert.Equal("2027-02-16", after.GetProperty("dueDate").GetString());
        Assert.Equal(["2027-02-14", "2027-02-15", "2027-02-16"], after.GetProperty("daysCounted").EnumerateArray().Select(d => d.GetString()!));
        Assert.Equal(With2027, after.GetProperty("calendarVersion").GetString());

        // The shipped version is kept as it was; the new one is found by number or by name.
        Assert.Equal([(2, With2027, true), (1, Shipped, false)], Versions(await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/calendars")));
        var first = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/calendars/1");
        Assert.Equal([2025, 2026], first.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        var byName = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/calendars/{With2027}");
        var spring = byName.GetProperty("years")[2].GetProperty("holidays")[1];
        Assert.Equal(("春节", "2027-02-06", "2027-02-12"), (spring.GetProperty("name").GetString(), spring.GetProperty("from").GetString(), spring.GetProperty("to").GetString()));
        Assert.StartsWith("发布2027年节假日安排", byName.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/admin/calendars/9")).StatusCode);

        // Correcting the year again is one more version; the previous one stays as it was.
        var corrected = await admin.PutAsJsonAsync("/api/v1/admin/calendars/years/2027", new
        {
            holidays = new[] { new { from = "2027-02-06", to = "2027-02-13", name = "春节", nameEn = "Spring Festival" } },
            makeUpWorkingDays = Array.Empty<string>(),
            reason = "更正春节安排（示例）· Correct the Spring Festival (illustrative)",
        });
        await JourneyClient.ExpectAsync(corrected, HttpStatusCode.Created, "admin corrects 2027");
        Assert.Equal([(3, "cn-2025-2027.3", true), (2, With2027, false), (1, Shipped, false)], Versions(await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/calendars")));
        var recomputed = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/calendar/deadline?accepted=2027-02-05&workingDays=3");
        Assert.Equal(("2027-02-17", "cn-2025-2027.3"), (recomputed.GetProperty("dueDate").GetString(), recomputed.GetProperty("calendarVersion").GetString()));
    }

    [Fact]
    public async Task Clerks_cannot_read_or_change_the_calendar_versions()
    {
        var clerk = await _journeys.AsAsync("clerk.police");

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/v1/admin/calendars")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PutAsJsonAsync("/api/v1/admin/calendars/years/2027", Year2027)).StatusCode);

        var deadline = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/calendar/deadline?accepted=2027-02-05&workingDays=3");
        Assert.True(deadline.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task A_bad_year_is_refused_with_field_errors_in_Chinese_and_English_and_makes_no_version()
    {
        var admin = await _journeys.AsAsync("admin");

        var malformed = await ProblemAsync(await admin.PutAsJsonAsync("/api/v1/admin/calendars/years/2027", new
        {
            holidays = new[] { new { from = "2027-02-30", to = "2027-02-12", name = "春节" } },
            makeUpWorkingDays = new[] { "2027-02-14" },
            reason = "",
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["#/reason", "#/holidays/0/from"], Pointers(malformed));
        Assert.Equal("date", FieldError(malformed, "#/holidays/0/from").GetProperty("code").GetString());

        var inconsistent = await ProblemAsync(await admin.PutAsJsonAsync("/api/v1/admin/calendars/years/2027", new
        {
            holidays = new[] { new { from = "2027-02-06", to = "2027-02-12", name = "春节" }, new { from = "2027-05-05", to = "2027-05-01", name = "劳动节" } },
            makeUpWorkingDays = new[] { "2027-02-15", "2027-02-07", "2028-01-08" },
            reason = "示例",
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["#/holidays/1/to", "#/makeUpWorkingDays/0", "#/makeUpWorkingDays/1", "#/makeUpWorkingDays/2"], Pointers(inconsistent));
        var notWeekend = FieldError(inconsistent, "#/makeUpWorkingDays/0");
        Assert.Equal("not_weekend", notWeekend.GetProperty("code").GetString());
        Assert.Contains("2027-02-15", notWeekend.GetProperty("detail").GetString());
        Assert.Contains("周六或周日", notWeekend.GetProperty("detailZh").GetString());
        Assert.Equal("on_holiday", FieldError(inconsistent, "#/makeUpWorkingDays/1").GetProperty("code").GetString());

        var century = await ProblemAsync(await admin.PutAsJsonAsync("/api/v1/admin/calendars/years/2127", Year2027), HttpStatusCode.BadRequest);
        Assert.Equal("#/year", Assert.Single(Pointers(century)));

        Assert.Equal([(1, Shipped, true)], Versions(await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/calendars")));
    }

    [Fact]
    public async Task A_case_accepted_after_the_change_records_the_new_version_on_the_case_and_its_matters()
    {
        var earlier = await AcceptedCaseAsync(_journeys, "张一");
        var admin = await _journeys.AsAsync("admin");
        await JourneyClient.ExpectAsync(await admin.PutAsJsonAsync("/api/v1/admin/calendars/years/2027", Year2027), HttpStatusCode.Created, "admin publishes 2027");

        var later = await AcceptedCaseAsync(_journeys, "张二", consent: false);

        var old = await _journeys.WaitForMatterAsync(Father, earlier, "birth-certificate", "InReview");
        Assert.Equal(Shipped, old.GetProperty("calendarVersion").GetString());
        Assert.Equal(Shipped, JourneyClient.Matter(old, "birth-certificate").GetProperty("calendarVersion").GetString());
        var @new = await _journeys.WaitForMatterAsync(Father, later, "birth-certificate", "InReview");
        Assert.Equal(With2027, @new.GetProperty("calendarVersion").GetString());
        Assert.Null(JourneyClient.Matter(@new, "acceptance").GetProperty("calendarVersion").GetString()); // accepted at once by its rule: no clock ran
        Assert.Equal(With2027, JourneyClient.Matter(@new, "birth-certificate").GetProperty("calendarVersion").GetString());
        Assert.Contains(@new.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "MatterStarted"
            && e.GetProperty("matter").GetString() == "birth-certificate" && e.GetProperty("detail").GetString()!.Contains($"\"calendar\":\"{With2027}\"", StringComparison.Ordinal));
        Assert.Null(JourneyClient.Matter(@new, "household-registration").GetProperty("calendarVersion").GetString()); // not started yet
    }

    public void Dispose() => _journeys.Dispose();

    private static List<(int, string, bool)> Versions(JsonElement list) =>
        [.. list.EnumerateArray().Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("version").GetString()!, v.GetProperty("isCurrent").GetBoolean()))];

    private static List<string> Pointers(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()!)];
}
