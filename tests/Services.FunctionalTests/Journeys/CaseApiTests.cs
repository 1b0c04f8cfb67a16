using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Integrations.Licences;
using OneThing.Workflows.Runtime;
using static OneThing.FunctionalTests.Integrations.SandboxPeople;
using static OneThing.FunctionalTests.Journeys.NewbornSteps;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>
/// What every journey relies on, over HTTP: the clerks' queue (claim, release, reassign, decide once, filters,
/// paging, order by deadline, department boundaries), applicants seeing only their own cases, idempotent
/// submission, and licences that are revoked or expired refused at the field that names their holder.
/// </summary>
public sealed class CaseApiTests(PlatformFixture platform) : PlatformTest(platform), IDisposable
{
    private readonly JourneyClient _journeys = new(platform);

    [Fact]
    public async Task A_task_is_decided_once_by_the_clerk_holding_it_and_reassigned_only_by_the_head_within_the_department()
    {
        var first = await AcceptedCaseAsync(_journeys, "张一");
        var second = await AcceptedCaseAsync(_journeys, "张二", consent: false);
        var clerk = Clerk("health");
        var head = Head("health");
        var task = await _journeys.TaskAsync(clerk, first, "birth-certificate");
        var other = await _journeys.TaskAsync(clerk, second, "birth-certificate");

        // Another department does not see the task at all.
        var cdc = await _journeys.AsAsync(Clerk("cdc"));
        Assert.Equal(HttpStatusCode.NotFound, (await cdc.GetAsync($"/api/v1/clerk/tasks/{task}")).StatusCode);
        await ProblemAsync(await _journeys.PostAsync(Clerk("cdc"), $"/api/v1/clerk/tasks/{task}/claim", null), HttpStatusCode.NotFound);
        await ProblemAsync(await _journeys.PostAsync(Clerk("cdc"), $"/api/v1/clerk/tasks/{task}/approve", new { comment = "同意" }), HttpStatusCode.NotFound);

        // Claimed by the clerk, the head can neither claim nor decide it.
        var claimed = await _journeys.PostAsync(clerk, $"/api/v1/clerk/tasks/{task}/claim", null);
        await JourneyClient.ExpectAsync(claimed, HttpStatusCode.OK, "the clerk claims");
        var clerkId = (await claimed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignee").GetString()!;
        await ProblemAsync(await _journeys.PostAsync(head, $"/api/v1/clerk/tasks/{task}/claim", null), HttpStatusCode.Conflict);
        await ProblemAsync(await _journeys.PostAsync(head, $"/api/v1/clerk/tasks/{task}/approve", new { comment = "同意" }), HttpStatusCode.Conflict);
        await ProblemAsync(await _journeys.PostAsync(head, $"/api/v1/clerk/tasks/{task}/reject", new { reason = "不符合条件" }), HttpStatusCode.Conflict);

        // Queue filters.
        Assert.Equal([task], await QueueAsync(clerk, "claimed=mine"));
        Assert.Equal([other], await QueueAsync(clerk, "claimed=unclaimed"));
        Assert.Empty(await QueueAsync(head, "claimed=mine"));
        Assert.Equal([other], await QueueAsync(clerk, $"caseNumber={second}"));
        Assert.Equal(2, (await QueueAsync(clerk, "matter=birth-certificate")).Count);
        Assert.Empty(await QueueAsync(clerk, "matter=vaccination-certificate"));
        var badFilter = await (await _journeys.AsAsync(clerk)).GetAsync("/api/v1/clerk/tasks?claimed=everyone");
        Assert.Equal("invalid_claimed", Text(FieldError(await ProblemAsync(badFilter, HttpStatusCode.BadRequest), "#/claimed"), "code"));

        // Release, then reassignment: heads only, and only to their own department.
        var released = await _journeys.PostAsync(clerk, $"/api/v1/clerk/tasks/{task}/release", null);
        await JourneyClient.ExpectAsync(released, HttpStatusCode.OK, "release");
        Assert.Equal(JsonValueKind.Null, (await released.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignee").ValueKind);
        Assert.Equal(2, (await QueueAsync(clerk, "claimed=unclaimed")).Count);

        await ProblemAsync(await _journeys.PostAsync(clerk, $"/api/v1/clerk/tasks/{task}/reassign", new { userName = clerk }), HttpStatusCode.Forbidden);
        var outside = await _journeys.PostAsync(head, $"/api/v1/clerk/tasks/{task}/reassign", new { userName = Clerk("cdc") });
        Assert.Equal("not_in_department", Text(FieldError(await ProblemAsync(outside, HttpStatusCode.BadRequest), "#/userName"), "code"));
        var reassigned = await _journeys.PostAsync(head, $"/api/v1/clerk/tasks/{task}/reassign", new { userName = clerk });
        await JourneyClient.ExpectAsync(reassigned, HttpStatusCode.OK, "the head reassigns to the clerk");
        Assert.Equal(clerkId, (await reassigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignee").GetString());
        Assert.Equal([task], await QueueAsync(clerk, "claimed=mine"));

        // Decided once: every further decision is a conflict.
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(clerk, $"/api/v1/clerk/tasks/{task}/approve", new { comment = "材料齐全" }), HttpStatusCode.NoContent, "approve");
        await ProblemAsync(await _journeys.PostAsync(clerk, $"/api/v1/clerk/tasks/{task}/approve", new { comment = "再次" }), HttpStatusCode.Conflict);
        await ProblemAsync(await _journeys.PostAsync(clerk, $"/api/v1/clerk/tasks/{task}/reject", new { reason = "改为不予办理" }), HttpStatusCode.Conflict);
        await ProblemAsync(await _journeys.PostAsync(clerk, $"/api/v1/clerk/tasks/{task}/corrections",
            new { items = new[] { new { item = "/child/name", reason = "姓名有误" } } }), HttpStatusCode.Conflict);

        var @case = await _journeys.CaseAsync(Father, first);
        var matter = JourneyClient.Matter(@case, "birth-certificate");
        Assert.Equal(("Approved", "Clerk", "材料齐全"), (Text(matter, "status"), Text(matter, "decider"), Text(matter, "reason")));
        Assert.Equal(["MatterStarted", "Claimed", "Released", "Reassigned", "LicenceIssued", "MatterApproved"], Kinds(@case, "birth-certificate"));
        var reassignment = @case.GetProperty("timeline").EnumerateArray().Single(e => Text(e, "kind") == "Reassigned");
        Assert.EndsWith("·负责人", Text(reassignment, "actorName"), StringComparison.Ordinal);
        Assert.Equal([other], await QueueAsync(clerk, string.Empty));
        Assert.Equal("Completed", Text((await _journeys.GetJsonAsync(clerk, $"/api/v1/clerk/tasks/{task}")), "status"));
    }

    [Fact]
    public async Task The_queue_pages_and_puts_the_nearest_deadline_first()
    {
        var first = await AcceptedCaseAsync(_journeys, "张一");
        var second = await AcceptedCaseAsync(_journeys, "张二", consent: false);
        var clerk = Clerk("health");
        var early = await _journeys.TaskAsync(clerk, first, "birth-certificate");
        var late = await _journeys.TaskAsync(clerk, second, "birth-certificate");

        // Both were opened today with the same promised days; move their deadlines apart, against the order they were created in.
        var due = (await _journeys.GetJsonAsync(clerk, $"/api/v1/clerk/tasks/{early}")).GetProperty("dueAt").GetDateTimeOffset();
        await SetDueAsync(late, due.AddDays(-1));
        Assert.Equal([late, early], await QueueAsync(clerk, string.Empty));
        await SetDueAsync(late, due.AddDays(2));
        Assert.Equal([early, late], await QueueAsync(clerk, string.Empty));

        var page1 = await _journeys.GetJsonAsync(clerk, "/api/v1/clerk/tasks?pageSize=1");
        var page2 = await _journeys.GetJsonAsync(clerk, "/api/v1/clerk/tasks?pageSize=1&page=2");
        Assert.Equal((2, 1, 1), (page1.GetProperty("total").GetInt32(), page1.GetProperty("pageSize").GetInt32(), page1.GetProperty("items").GetArrayLength()));
        Assert.Equal(early, page1.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(late, page2.GetProperty("items")[0].GetProperty("id").GetGuid());
        var item = page1.GetProperty("items")[0];
        Assert.Equal((first, "birth-certificate", "3717**********1231", "health"),
            (Text(item, "caseNumber"), Text(item, "matter"), Text(item, "subjectIdNumber"), Text(item, "department")));
    }

    [Fact]
    public async Task Another_applicant_finds_none_of_the_case_and_lists_show_only_own_cases_with_masked_numbers()
    {
        var number = await AcceptedCaseAsync(_journeys);
        await _journeys.ApproveAsync(Clerk("health"), number, "birth-certificate");
        var clerk = Clerk("medical-insurance");
        var task = await _journeys.TaskAsync(clerk, number, "maternity-allowance");
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(clerk, $"/api/v1/clerk/tasks/{task}/corrections",
            new { items = new[] { new { item = "/bankAccount/accountNumber", reason = "账号有误" } } }), HttpStatusCode.NoContent, "request a correction");
        var @case = await _journeys.CaseAsync(Father, number);
        var licenceId = Text(JourneyClient.Matter(@case, "birth-certificate"), "licenceId")!;
        var correctionId = @case.GetProperty("corrections")[0].GetProperty("id").GetGuid();

        // The owner reaches all of it …
        await JourneyClient.ExpectAsync(await (await _journeys.AsAsync(Father)).GetAsync($"/api/v1/cases/{number}/results/{licenceId}"), HttpStatusCode.OK, "own result");

        // … another applicant none of it, as if it did not exist.
        var wangqiang = await _journeys.AsAsync("wangqiang");
        await ProblemAsync(await wangqiang.GetAsync($"/api/v1/cases/{number}"), HttpStatusCode.NotFound);
        await ProblemAsync(await wangqiang.GetAsync($"/api/v1/cases/{number}/results/{licenceId}"), HttpStatusCode.NotFound);
        await ProblemAsync(await _journeys.PostAsync("wangqiang", $"/api/v1/cases/{number}/corrections/{correctionId}",
            new { fields = new Dictionary<string, object> { ["/bankAccount/accountNumber"] = "6217001234567890999" } }), HttpStatusCode.NotFound);
        await ProblemAsync(await _journeys.PostAsync("wangqiang", $"/api/v1/cases/{number}/withdrawal", new { reason = "x" }), HttpStatusCode.NotFound);
        Assert.Equal(0, (await _journeys.GetJsonAsync("wangqiang", "/api/v1/cases")).GetProperty("total").GetInt32());
        Assert.Equal("CorrectionRequired", Text(await _journeys.CaseAsync(Father, number), "status"));

        // The mother consented to her ID card's use; that does not make the case hers.
        await ProblemAsync(await (await _journeys.AsAsync(Mother)).GetAsync($"/api/v1/cases/{number}"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await _journeys.GetJsonAsync(Mother, "/api/v1/cases")).GetProperty("total").GetInt32());

        var mine = await _journeys.GetJsonAsync(Father, "/api/v1/cases");
        var summary = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal((number, "newborn", "张伟", "3717**********1231", "CorrectionRequired"),
            (Text(summary, "number"), Text(summary, "journey"), Text(summary, "subjectName"), Text(summary, "subjectIdNumber"), Text(summary, "status")));
        Assert.DoesNotContain(ZhangWei, mine.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_submission_with_the_same_idempotency_key_returns_the_first_case()
    {
        await ConsentAsync(_journeys);
        var key = Guid.NewGuid().ToString();

        var created = await _journeys.PostAsync(Father, "/api/v1/cases", Submission(), key);
        await JourneyClient.ExpectAsync(created, HttpStatusCode.Created, "first submission");
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
        Assert.Equal($"/api/v1/cases/{number}", created.Headers.Location?.OriginalString);

        var repeated = await _journeys.PostAsync(Father, "/api/v1/cases", Submission(), key);
        await JourneyClient.ExpectAsync(repeated, HttpStatusCode.OK, "the same submission again");
        Assert.Equal(number, (await repeated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());

        var changed = Form();
        changed["address"] = "山东省菏泽市牡丹区中华路200号";
        await ProblemAsync(await _journeys.PostAsync(Father, "/api/v1/cases", Submission(changed), key), HttpStatusCode.Conflict);

        var missing = await _journeys.PostAsync(Father, "/api/v1/cases", Submission());
        Assert.Equal("idempotency_key_required", Text(FieldError(await ProblemAsync(missing, HttpStatusCode.BadRequest), "Idempotency-Key"), "code"));

        var list = await _journeys.GetJsonAsync(Father, "/api/v1/cases");
        Assert.Equal(number, Text(Assert.Single(list.GetProperty("items").EnumerateArray()), "number"));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        await using var scope = Platform.CreateScope();
        Assert.Equal(1, await Platform.Db(scope).Cases.CountAsync());
    }

    [Theory]
    [InlineData("sunli", "孙丽", SunLi, "13800000006", "371723", "licence_revoked", "1.2.156.3005.2.11100000000013338W001.113717230043300365.202103150046.001.C")]
    [InlineData("chenjing", "陈静", ChenJing, "13800000007", "371725", "licence_expired", "1.2.156.3005.2.11100000000013338W001.11371725004350054D.200506300019.001.X")]
    public async Task A_revoked_or_expired_id_card_is_refused_at_the_holders_field_naming_the_licence(
        string userName, string name, string idNumber, string phone, string region, string code, string licenceId)
    {
        var form = new JsonObject
        {
            ["company"] = new JsonObject
            {
                ["name"] = $"菏泽{name}商贸有限公司", ["type"] = "有限责任公司（自然人独资）", ["registeredCapital"] = 50,
                ["address"] = "山东省菏泽市某县人民路1号", ["regionCode"] = region, ["businessScope"] = "日用百货销售",
            },
            ["legalRepresentative"] = new JsonObject { ["name"] = name, ["idNumber"] = idNumber, ["phone"] = phone },
            ["shareholders"] = new JsonArray(new JsonObject { ["name"] = name, ["idNumber"] = idNumber, ["share"] = 100 }),
            ["employees"] = 3,
            ["bank"] = new JsonObject { ["name"] = "中国农业银行", ["branch"] = "县城支行" },
        };

        var refused = await _journeys.PostAsync(userName, "/api/v1/cases", new { journey = "business-startup", form }, Guid.NewGuid().ToString());

        var error = FieldError(await ProblemAsync(refused, HttpStatusCode.BadRequest), "#/form/legalRepresentative/idNumber");
        Assert.Equal(code, Text(error, "code"));
        Assert.Contains(licenceId, Text(error, "detail"), StringComparison.Ordinal);
        Assert.Contains(licenceId, Text(error, "detailZh"), StringComparison.Ordinal);
        Assert.Equal(0, (await _journeys.GetJsonAsync(userName, "/api/v1/cases")).GetProperty("total").GetInt32());

        // The refused pull is in the holder's usage history, as refused.
        var pull = Assert.Single(await Platform.Factory.Services.GetRequiredService<ILicenceLibrary>().ListPullsAsync(idNumber));
        Assert.Equal((licenceId, code == "licence_revoked" ? LicencePullOutcome.Revoked : LicencePullOutcome.Expired), (pull.LicenceId, pull.Outcome));
    }

    /// <summary>The ids of the open tasks in a clerk's queue, in the queue's order.</summary>
    private async Task<List<Guid>> QueueAsync(string clerk, string query)
    {
        var page = await _journeys.GetJsonAsync(clerk, $"/api/v1/clerk/tasks?{query}");
        return [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid())];
    }

    private async Task SetDueAsync(Guid task, DateTimeOffset due)
    {
        await using var scope = Platform.CreateScope();
        await Platform.Db(scope).Set<WorkflowTask>().Where(t => t.Id == task).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, due));
    }

    public void Dispose() => _journeys.Dispose();
}
