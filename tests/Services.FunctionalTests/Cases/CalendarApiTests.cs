using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Cases;

/// <summary>The deadline calculator over HTTP: working days on the official calendar, for staff only.</summary>
public sealed class CalendarApiTests(PlatformFixture platform) : PlatformTest(platform)
{
    [Fact]
    public async Task Three_working_days_from_the_Friday_before_the_2026_Spring_Festival_count_the_make_up_Saturday_and_skip_the_holiday()
    {
        using var clerk = await Platform.Factory.CreateApiClient().AuthorizeAsync("clerk.police");
        var answer = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/calendar/deadline?accepted=2026-02-13&workingDays=3");

        Assert.Equal("2026-02-25", answer.GetProperty("dueDate").GetString());
        Assert.Equal(new DateTimeOffset(2026, 2, 25, 23, 59, 59, 999, TimeSpan.FromHours(8)), answer.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(["2026-02-14", "2026-02-24", "2026-02-25"], answer.GetProperty("daysCounted").EnumerateArray().Select(d => d.GetString()!));
        Assert.False(answer.GetProperty("provisional").GetBoolean());
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("calendarVersion").GetString()));

        var unpublished = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/calendar/deadline?accepted=2027-03-05&workingDays=1");
        Assert.True(unpublished.GetProperty("provisional").GetBoolean());
        Assert.Equal("2027-03-08", unpublished.GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task Bad_input_is_a_field_level_problem_and_applicants_are_refused()
    {
        using var clerk = await Platform.Factory.CreateApiClient().AuthorizeAsync("clerk.police");
        var bad = await clerk.GetAsync("/api/v1/calendar/deadline?accepted=2026-02-30&workingDays=-1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["#/accepted", "#/workingDays"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()!));

        using var applicant = await Platform.Factory.CreateApiClient().AuthorizeAsync("zhangwei");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/v1/calendar/deadline?accepted=2026-02-13&workingDays=3")).StatusCode);
    }
}
