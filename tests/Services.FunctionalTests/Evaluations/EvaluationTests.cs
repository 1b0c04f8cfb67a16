using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.FunctionalTests.Journeys;
using OneThing.Host.Cases.Calendar;
using static OneThing.FunctionalTests.Journeys.CaseJson;

namespace OneThing.FunctionalTests.Evaluations;

/// <summary>
/// 好差评 over HTTP on PostgreSQL + RabbitMQ: a newborn case is driven to completion and rated. A good review is
/// recorded with what is reported upward and closes; a bad one opens a rectification per department answerable,
/// which its head calls back and fixes (the applicant is told each time); then exactly one follow-up rating.
/// </summary>
public sealed class EvaluationTests(PlatformFixture platform) : PlatformTest(platform)
{
    private const string Father = NewbornSteps.Father;
    private const string OtherApplicant = "zhaomin";
    private const string WindowClerk = "window.clerk";
    private const string Rectifications = "/api/v1/clerk/rectifications";

    private readonly JourneyClient _journeys = new(platform);

    public override Task DisposeAsync()
    {
        _journeys.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task A_good_review_of_a_completed_case_is_recorded_once_with_everything_reported_and_opens_no_rectification()
    {
        var number = await NewbornSteps.AcceptedCaseAsync(_journeys);
        var good = new { levels = new { overall = "非常满意", efficiency = "VerySatisfied", guidance = "满意", convenience = "满意", easeOfUse = "基本满意" },
            matters = new[] { new { matter = "birth-certificate", level = "非常满意" } }, comment = "一次办好，不用跑腿" };

        // Before completion the case cannot be rated.
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(Father, Path(number), good), HttpStatusCode.Conflict, "rating an unfinished case");
        await CompleteAsync(number);

        // Someone else's case does not exist for them.
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(OtherApplicant, Path(number), good), HttpStatusCode.NotFound, "another applicant rates");
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(_journeys, OtherApplicant, Path(number))).StatusCode);

        // Every input problem at once, as RFC 9457 field errors in both languages.
        var invalid = await _journeys.PostAsync(Father, Path(number), new
        {
            levels = new Dictionary<string, object> { ["efficiency"] = "很好", ["attitude"] = "满意", ["speed"] = "满意" },
            matters = new[] { new { matter = "seal-engraving", level = "满意" } },
            comment = new string('慢', 501),
        });
        var (problem, errors) = await ProblemAsync(invalid, HttpStatusCode.BadRequest);
        Assert.Equal(
            [("#/levels/efficiency", "unknown_level"), ("#/levels/attitude", "unknown_indicator"), ("#/levels/speed", "unknown_indicator"),
             ("#/levels/overall", "required"), ("#/matters/0/matter", "matter_not_in_case"), ("#/comment", "too_long")],
            errors.Select(e => (e.Pointer, e.Code)));
        Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.True(HasChinese(Text(e, "detailZh")), e.ToString()));
        Assert.Empty((await _journeys.GetJsonAsync(Father, Path(number))).EnumerateArray());

        var before = DateTimeOffset.UtcNow;
        var response = await _journeys.PostAsync(Father, Path(number), good);
        await JourneyClient.ExpectAsync(response, HttpStatusCode.Created, "the good review");
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();

        var evaluation = Assert.Single((await _journeys.GetJsonAsync(Father, Path(number))).EnumerateArray());
        Assert.Equal(Text(created, "id"), Text(evaluation, "id"));
        Assert.Equal((number, "Initial", "Online", "VerySatisfied", "非常满意", false),
            (Text(evaluation, "caseNumber"), Text(evaluation, "kind"), Text(evaluation, "channel"), Text(evaluation, "overall"), Text(evaluation, "overallZh"),
             evaluation.GetProperty("bad").GetBoolean()));
        Assert.Equal(new Dictionary<string, string>
        {
            ["overall"] = "VerySatisfied", ["efficiency"] = "VerySatisfied", ["guidance"] = "Satisfied", ["convenience"] = "Satisfied", ["easeOfUse"] = "Basic",
        }, evaluation.GetProperty("levels").Deserialize<Dictionary<string, string>>());
        Assert.Equal("一次办好，不用跑腿", Text(evaluation, "comment"));
        Assert.InRange(Instant(evaluation, "at"), before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));

        // The case's departments and matter codes, the level given to the rated matter, and who decided each matter.
        Assert.Equal("health", Text(evaluation, "leadDepartment"));
        Assert.Equal(["cdc", "health", "hrss", "medical-insurance", "police", "service-center", "tax"],
            evaluation.GetProperty("departments").EnumerateArray().Select(d => d.GetString()!).Order(StringComparer.Ordinal));
        var matters = evaluation.GetProperty("matters").EnumerateArray().ToDictionary(m => Text(m, "matter")!);
        Assert.Equal(8, matters.Count); // acceptance and the seven services
        Assert.Equal(("health", "VerySatisfied"), (Text(matters["birth-certificate"], "department"), Text(matters["birth-certificate"], "level")));
        Assert.Null(Text(matters["household-registration"], "level"));
        var clerks = evaluation.GetProperty("clerks").EnumerateArray().ToDictionary(c => Text(c, "department")!);
        Assert.Equal(["cdc", "health", "medical-insurance", "police"], clerks.Keys.Order());
        foreach (var (department, clerk) in clerks)
        {
            Assert.Equal(await UserIdAsync(NewbornSteps.Clerk(department)), Text(clerk, "userId"));
            Assert.EndsWith("·经办人", Text(clerk, "name"), StringComparison.Ordinal);
        }

        Assert.Null(Text(matters["medical-insurance-enrolment"], "clerkUserId")); // decided by a rule: no clerk to rate
        Assert.Equal(("张伟", "3717**********1231"), (Text(evaluation.GetProperty("applicant"), "name"), Text(evaluation.GetProperty("applicant"), "idNumber")));
        Assert.Equal(JsonValueKind.Null, evaluation.GetProperty("agent").ValueKind);
        Assert.Equal(await UserIdAsync(Father), Text(evaluation.GetProperty("submittedBy"), "userId"));
        Assert.Empty(evaluation.GetProperty("rectifications").EnumerateArray());
        Assert.Empty((await _journeys.GetJsonAsync(NewbornSteps.Head("health"), "/api/v1/clerk/rectifications")).EnumerateArray());
        Assert.Single(Events(await _journeys.CaseAsync(Father, number), "Evaluated"));

        // Once only; a good review has nothing to follow up.
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(Father, Path(number), good), HttpStatusCode.Conflict, "a second rating");
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(Father, $"{Path(number)}/{Text(evaluation, "id")}/follow-up", good),
            HttpStatusCode.Conflict, "a follow-up of a good review");
    }

    [Fact]
    public async Task A_bad_review_opens_rectifications_that_the_heads_call_back_and_fix_and_then_allows_exactly_one_follow_up()
    {
        var number = await NewbornSteps.AcceptedCaseAsync(_journeys);
        await CompleteAsync(number);

        var before = DateTimeOffset.UtcNow;
        var response = await _journeys.PostAsync(Father, Path(number), new
        {
            channel = "online",
            levels = new { overall = "不满意", efficiency = "基本满意", guidance = "满意", convenience = "不满意", easeOfUse = "满意" },
            matters = new[] { new { matter = "household-registration", level = "非常不满意" }, new { matter = "vaccination-certificate", level = "满意" } },
            comment = "户籍窗口让我跑了两趟",
        });
        await JourneyClient.ExpectAsync(response, HttpStatusCode.Created, "the bad review");
        var after = DateTimeOffset.UtcNow;
        var evaluation = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = Text(evaluation, "id")!;
        Assert.True(evaluation.GetProperty("bad").GetBoolean());

        // One rectification per department answerable: the lead department for the overall level, the police for its matter.
        var rectifications = evaluation.GetProperty("rectifications").EnumerateArray().ToDictionary(r => Text(r, "department")!);
        Assert.Equal(["health", "police"], rectifications.Keys.Order(StringComparer.Ordinal));
        Assert.True(rectifications["health"].GetProperty("forOverall").GetBoolean());
        Assert.Empty(rectifications["health"].GetProperty("matters").EnumerateArray());
        Assert.Equal(["household-registration"], rectifications["police"].GetProperty("matters").EnumerateArray().Select(m => m.GetString()));
        foreach (var r in rectifications.Values)
        {
            Assert.Equal("Open", Text(r, "status"));
            Assert.Contains(Instant(r, "callBackDueAt"), new[] { Due(before, 1), Due(after, 1) });
            Assert.Contains(Instant(r, "fixDueAt"), new[] { Due(before, 5), Due(after, 5) });
            Assert.Equal(WorkingDayCalendar.Default.Version, Text(r, "calendarVersion"));
            Assert.False(r.GetProperty("callBackOverdue").GetBoolean());
        }

        var police = Text(rectifications["police"], "id")!;
        var health = Text(rectifications["health"], "id")!;
        var followUp = new { levels = new { overall = "满意", efficiency = "满意", guidance = "满意", convenience = "满意", easeOfUse = "满意" }, comment = "回访及时，问题已解决" };
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(Father, FollowUp(number, id), followUp), HttpStatusCode.Conflict, "a follow-up before the fix");

        // Only heads handle rectifications, only their own department's.
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(_journeys, NewbornSteps.Clerk("police"), Rectifications)).StatusCode);
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(NewbornSteps.Clerk("police"), $"{Rectifications}/{police}/call-back", new { note = "已回访" }),
            HttpStatusCode.Forbidden, "a clerk calls back");
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(NewbornSteps.Head("cdc"), $"{Rectifications}/{police}/call-back", new { note = "已回访" }),
            HttpStatusCode.NotFound, "another department's head calls back");
        var listed = Assert.Single((await _journeys.GetJsonAsync(NewbornSteps.Head("police"), Rectifications)).EnumerateArray());
        Assert.Equal((police, "Dissatisfied", "户籍窗口让我跑了两趟"), (Text(listed.GetProperty("rectification"), "id"), Text(listed, "overall"), Text(listed, "comment")));

        // Call back first (a note is required), then fix; each step once.
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(NewbornSteps.Head("police"), $"{Rectifications}/{police}/fix", new { note = "已整改" }),
            HttpStatusCode.Conflict, "a fix before the call-back");
        var (_, noNote) = await ProblemAsync(await _journeys.PostAsync(NewbornSteps.Head("police"), $"{Rectifications}/{police}/call-back", new { note = " " }), HttpStatusCode.BadRequest);
        Assert.Equal([("#/note", "required")], noNote.Select(e => (e.Pointer, e.Code)));
        var calledBack = await OkAsync(await _journeys.PostAsync(NewbornSteps.Head("police"), $"{Rectifications}/{police}/call-back", new { note = "已电话回访，致歉并说明原因" }));
        Assert.Equal(("CalledBack", "已电话回访，致歉并说明原因", "菏泽市公安局·负责人"), (Text(calledBack, "status"), Text(calledBack, "callBackNote"), Text(calledBack, "calledBackBy")));
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(NewbornSteps.Head("police"), $"{Rectifications}/{police}/call-back", new { note = "再次回访" }),
            HttpStatusCode.Conflict, "a second call-back");
        var fixedView = await OkAsync(await _journeys.PostAsync(NewbornSteps.Head("police"), $"{Rectifications}/{police}/fix", new { note = "户籍窗口增设一次性告知清单" }));
        Assert.Equal(("Fixed", "户籍窗口增设一次性告知清单"), (Text(fixedView, "status"), Text(fixedView, "fixNote")));
        Assert.False(fixedView.GetProperty("fixOverdue").GetBoolean());

        // The lead department's rectification is still open: no follow-up yet.
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(Father, FollowUp(number, id), followUp), HttpStatusCode.Conflict, "a follow-up with one rectification open");
        await OkAsync(await _journeys.PostAsync(NewbornSteps.Head("health"), $"{Rectifications}/{health}/call-back", new { note = "已回访" }));
        await OkAsync(await _journeys.PostAsync(NewbornSteps.Head("health"), $"{Rectifications}/{health}/fix", new { note = "已优化办事指引" }));

        // The applicant was told of every call-back and fix, through the outbox and the bus.
        List<JsonElement> told = [];
        await Eventually.HoldsAsync(async () =>
        {
            told = [.. (await _journeys.GetJsonAsync(Father, "/api/v1/me/notifications?pageSize=50")).GetProperty("items").EnumerateArray()
                .Where(n => Text(n, "title") is "差评回访" or "差评整改完成")];
            return told.Count >= 4;
        }, "the applicant is told of two call-backs and two fixes");
        Assert.Equal(4, told.Count);
        Assert.All(told, n => Assert.Equal(number, Text(n, "caseNumber")));
        Assert.Contains(told, n => Text(n, "body")!.Contains("户籍窗口增设一次性告知清单", StringComparison.Ordinal) && Text(n, "body")!.Contains("菏泽市公安局", StringComparison.Ordinal));

        // Exactly one follow-up.
        var second = await _journeys.PostAsync(Father, FollowUp(number, id), followUp);
        await JourneyClient.ExpectAsync(second, HttpStatusCode.Created, "the follow-up");
        var answered = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("FollowUp", id, "Satisfied", false), (Text(answered, "kind"), Text(answered, "followUpOf"), Text(answered, "overall"), answered.GetProperty("bad").GetBoolean()));
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(Father, FollowUp(number, id), followUp), HttpStatusCode.Conflict, "a second follow-up");

        var all = (await _journeys.GetJsonAsync(Father, Path(number))).EnumerateArray().ToList();
        Assert.Equal(["Initial", "FollowUp"], all.Select(e => Text(e, "kind")));
        Assert.All(all[0].GetProperty("rectifications").EnumerateArray(), r => Assert.Equal("Fixed", Text(r, "status")));
        var @case = await _journeys.CaseAsync(Father, number);
        Assert.Equal((1, 2, 2, 2, 1), (Events(@case, "Evaluated").Count, Events(@case, "RectificationOpened").Count, Events(@case, "RectificationCalledBack").Count,
            Events(@case, "Rectified").Count, Events(@case, "EvaluationFollowedUp").Count));
        Assert.Empty((await _journeys.GetJsonAsync(NewbornSteps.Head("police"), $"{Rectifications}?status=Open")).EnumerateArray());
    }

    [Fact]
    public async Task A_window_clerk_rates_an_assisted_case_at_the_window_with_service_attitude_and_the_applicant_cannot_rate_it_again()
    {
        await NewbornSteps.ConsentAsync(_journeys);
        var submitted = await _journeys.SubmitAsync(WindowClerk, new
        {
            journey = "newborn", form = NewbornSteps.Form(), onBehalfOf = new { idNumber = Integrations.SandboxPeople.ZhangWei, name = "张伟" },
            authorisation = new { kind = "power-of-attorney", reference = "（2026）菏代字第0101号" },
        });
        var number = Number(submitted);
        await _journeys.WaitForMatterAsync(Father, number, "acceptance", "Approved");
        await CompleteAsync(number);

        var levels = new { overall = "非常满意", efficiency = "满意", guidance = "满意", convenience = "满意", easeOfUse = "满意", attitude = "非常满意" };
        var (_, online) = await ProblemAsync(await _journeys.PostAsync(WindowClerk, Path(number), new { channel = "online", levels }), HttpStatusCode.BadRequest);
        Assert.Equal([("#/channel", "channel_not_allowed")], online.Select(e => (e.Pointer, e.Code)));

        var response = await _journeys.PostAsync(WindowClerk, Path(number), new { channel = "window", levels, comment = "窗口人员耐心细致" });
        await JourneyClient.ExpectAsync(response, HttpStatusCode.Created, "the window rating");
        var evaluation = await response.Content.ReadFromJsonAsync<JsonElement>();
        var clerkId = await UserIdAsync(WindowClerk);
        Assert.Equal(("Window", "VerySatisfied"), (Text(evaluation, "channel"), Text(evaluation.GetProperty("levels"), "attitude")));
        Assert.Equal((clerkId, "周晓（综合窗口）", "window-clerk"),
            (Text(evaluation.GetProperty("agent"), "userId"), Text(evaluation.GetProperty("agent"), "name"), Text(evaluation.GetProperty("agent"), "role")));
        Assert.Equal(clerkId, Text(evaluation.GetProperty("submittedBy"), "userId"));
        Assert.Equal("张伟", Text(evaluation.GetProperty("applicant"), "name"));

        // The applicant sees the rating on his case, and cannot rate it a second time online.
        Assert.Equal("Window", Text(Assert.Single((await _journeys.GetJsonAsync(Father, Path(number))).EnumerateArray()), "channel"));
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(Father, Path(number), new { levels = new { overall = "满意" } }), HttpStatusCode.Conflict, "a second rating online");
    }

    private async Task CompleteAsync(string number)
    {
        await _journeys.ApproveAsync(NewbornSteps.Clerk("cdc"), number, "vaccination-certificate");
        await _journeys.ApproveAsync(NewbornSteps.Clerk("medical-insurance"), number, "maternity-allowance");
        await _journeys.ApproveAsync(NewbornSteps.Clerk("health"), number, "birth-certificate");
        await _journeys.WaitForMatterAsync(Father, number, "household-registration", "InReview");
        await _journeys.ApproveAsync(NewbornSteps.Clerk("police"), number, "household-registration");
        await _journeys.WaitForCaseAsync(Father, number, "Completed");
    }

    private async Task<string> UserIdAsync(string userName) => Text(await _journeys.GetJsonAsync(userName, "/api/v1/me"), "subject")!;

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        await JourneyClient.ExpectAsync(response, HttpStatusCode.OK, "request");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The end (Beijing) of the n-th working day after <paramref name="now"/>, as stored.</summary>
    private static DateTimeOffset Due(DateTimeOffset now, int workingDays) =>
        WorkingDayCalendar.EndOfWorkingDay(WorkingDayCalendar.Default.AddWorkingDays(WorkingDayCalendar.LocalDate(now), workingDays).Due).ToUniversalTime();

    private static string Path(string number) => $"/api/v1/cases/{number}/evaluations";

    private static string FollowUp(string number, string id) => $"{Path(number)}/{id}/follow-up";
}
