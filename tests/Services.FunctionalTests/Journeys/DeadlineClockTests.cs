using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>
/// A matter's promised clock on durable timers, with two extra host nodes whose clock the test moves
/// forward: the warning at 80 % of the promised time, the escalation at the promised deadline (task marked
/// escalated in the head's queue), the statutory notice to supervision — each exactly once.
/// </summary>
public sealed class DeadlineClockTests(PlatformFixture platform) : PlatformTest(platform)
{
    private const string Matter = "birth-certificate";

    [Fact]
    public async Task Warning_escalation_and_statutory_notice_fire_once_each_across_two_nodes()
    {
        using var journeys = new JourneyClient(Platform);
        var number = await NewbornSteps.AcceptedCaseAsync(journeys);
        var matter = JourneyClient.Matter(await journeys.CaseAsync("zhangwei", number), Matter);
        var started = matter.GetProperty("clockStartedAt").GetDateTimeOffset();
        var promised = matter.GetProperty("promisedDueAt").GetDateTimeOffset();
        var statutory = matter.GetProperty("statutoryDueAt").GetDateTimeOffset();
        Assert.True(started < promised && promised < statutory);

        var clock = new ShiftedTimeProvider();
        await using var nodeA = new OneThingAppFactory(Platform.Settings(), services => services.AddSingleton<TimeProvider>(clock));
        await using var nodeB = new OneThingAppFactory(Platform.Settings(), services => services.AddSingleton<TimeProvider>(clock));
        _ = nodeA.Server;
        _ = nodeB.Server;

        // 80 % of the promised time: the department head is warned (nobody claimed the task yet).
        clock.AdvanceTo(started + (promised - started) * 0.8 + TimeSpan.FromMinutes(1));
        await WaitForEventAsync(journeys, number, "DeadlineWarning");
        await WaitForNotificationAsync(journeys, "head.health", "时限预警");
        Assert.Null(JourneyClient.Matter(await journeys.CaseAsync("zhangwei", number), Matter).GetProperty("escalatedAt").GetString());

        // The promised deadline: escalated to the head's queue.
        clock.AdvanceTo(promised + TimeSpan.FromMinutes(1));
        await WaitForEventAsync(journeys, number, "Escalated");
        await WaitForNotificationAsync(journeys, "head.health", "已超期");
        var escalated = await journeys.GetJsonAsync("head.health", $"/api/v1/clerk/tasks?caseNumber={number}&escalated=true");
        var task = Assert.Single(escalated.GetProperty("items").EnumerateArray());
        Assert.Equal(Matter, task.GetProperty("matter").GetString());
        Assert.True(task.GetProperty("escalated").GetBoolean());
        Assert.NotNull(JourneyClient.Matter(await journeys.CaseAsync("zhangwei", number), Matter).GetProperty("escalatedAt").GetString());

        // The statutory deadline: supervision (the administrators) is told.
        clock.AdvanceTo(statutory + TimeSpan.FromMinutes(1));
        await WaitForEventAsync(journeys, number, "StatutoryDeadlinePassed");
        await WaitForNotificationAsync(journeys, "admin", "超法定时限");

        // Two nodes, one firing each: exactly one of every event and one notification per person.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var timeline = (await journeys.CaseAsync("zhangwei", number)).GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("matter").GetString() == Matter).Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(1, timeline.Count(k => k == "DeadlineWarning"));
        Assert.Equal(1, timeline.Count(k => k == "Escalated"));
        Assert.Equal(1, timeline.Count(k => k == "StatutoryDeadlinePassed"));
        var headInbox = await journeys.GetJsonAsync("head.health", "/api/v1/me/notifications?pageSize=100");
        Assert.Equal(1, headInbox.GetProperty("items").EnumerateArray().Count(n => n.GetProperty("title").GetString() == "已超期：出生医学证明签发"));
    }

    private static Task WaitForEventAsync(JourneyClient journeys, string number, string kind) =>
        Eventually.HoldsAsync(async () => (await journeys.CaseAsync("zhangwei", number)).GetProperty("timeline").EnumerateArray()
            .Any(e => e.GetProperty("kind").GetString() == kind && e.GetProperty("matter").GetString() == Matter), $"{kind} of {Matter} is in the timeline", TimeSpan.FromSeconds(30));

    private static Task WaitForNotificationAsync(JourneyClient journeys, string user, string titleStart) =>
        Eventually.HoldsAsync(async () => (await journeys.GetJsonAsync(user, "/api/v1/me/notifications?pageSize=100")).GetProperty("items").EnumerateArray()
            .Any(n => n.GetProperty("title").GetString()!.StartsWith(titleStart, StringComparison.Ordinal)), $"{user} is notified: {titleStart}", TimeSpan.FromSeconds(30));
}
