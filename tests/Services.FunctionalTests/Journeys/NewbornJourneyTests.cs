using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Integrations.Licences;
using OneThing.Integrations.OutsideSystems;
using static OneThing.FunctionalTests.Integrations.SandboxPeople;
using static OneThing.FunctionalTests.Journeys.NewbornSteps;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>
/// 新生儿出生一件事 through the public HTTP API, on the real host with PostgreSQL and RabbitMQ: the mother's
/// consent, acceptance by rule, department clerks, rules and department systems over the bus, licences written
/// back to the library, notifications and text messages, a correction round trip, and withdrawal with compensation.
/// </summary>
public sealed class NewbornJourneyTests(PlatformFixture platform) : PlatformTest(platform), IDisposable
{
    private readonly JourneyClient _journeys = new(platform);

    private ILicenceLibrary Library => Platform.Factory.Services.GetRequiredService<ILicenceLibrary>();

    [Fact]
    public async Task Without_the_mothers_consent_the_submission_is_refused_and_nothing_is_stored()
    {
        var refused = await _journeys.PostAsync(Father, "/api/v1/cases", Submission(), Guid.NewGuid().ToString());

        var problem = await ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal("consent_required", Text(FieldError(problem, "#/form/mother/idNumber"), "code"));

        // A consent she withdrew again does not count either.
        var consent = await ConsentAsync(_journeys);
        var withdrawn = await (await _journeys.AsAsync(Mother)).DeleteAsync($"/api/v1/me/consents/{consent.GetProperty("id").GetGuid()}");
        await JourneyClient.ExpectAsync(withdrawn, HttpStatusCode.NoContent, "lina withdraws her consent");
        var again = await _journeys.PostAsync(Father, "/api/v1/cases", Submission(), Guid.NewGuid().ToString());
        Assert.Equal("consent_required", Text(FieldError(await ProblemAsync(again, HttpStatusCode.BadRequest), "#/form/mother/idNumber"), "code"));

        Assert.Equal(0, (await _journeys.GetJsonAsync(Father, "/api/v1/cases")).GetProperty("total").GetInt32());
        await using (var scope = Platform.CreateScope())
        {
            var db = Platform.Db(scope);
            Assert.Equal(0, await db.Cases.CountAsync());
            Assert.Equal(0, await db.CaseMaterials.CountAsync());
        }

        // Her ID card was never pulled: the library's usage history of her licences is empty.
        Assert.Empty(await Library.ListPullsAsync(LiNa));
    }

    [Fact]
    public async Task Newborn_case_runs_from_the_fathers_submission_to_completion_across_clerks_rules_and_department_systems()
    {
        await ConsentAsync(_journeys);
        var submitted = await _journeys.SubmitAsync(Father, Submission());
        var number = submitted.GetProperty("number").GetString()!;
        var motherCard = submitted.GetProperty("materials").EnumerateArray().Single(m => Text(m, "code") == "mother-id-card");
        Assert.True(motherCard.GetProperty("withConsent").GetBoolean());
        Assert.Equal("3717**********2240", Text(motherCard, "holderIdNumber"));

        // 受理 by the instant rule: all four e-licences were pulled.
        var @case = await _journeys.WaitForMatterAsync(Father, number, "acceptance", "Approved");
        var acceptance = JourneyClient.Matter(@case, "acceptance");
        Assert.Equal(("Rule", "newborn-all-e-licences"), (Text(acceptance, "decider"), Text(acceptance, "rule")));
        Assert.Equal("InProgress", Text(@case, "status"));
        Assert.NotNull(Text(@case, "acceptedAt"));
        Assert.NotNull(Text(@case, "promisedDueAt"));
        Assert.NotNull(Text(@case, "statutoryDueAt"));
        foreach (var open in new[] { "birth-certificate", "vaccination-certificate", "maternity-allowance" })
        {
            var matter = JourneyClient.Matter(@case, open);
            Assert.Equal("InReview", Text(matter, "status"));
            Assert.NotNull(Text(matter, "clockStartedAt"));
            Assert.NotNull(Text(matter, "promisedDueAt"));
        }

        // Vaccination and maternity are independent; household registration waits for the birth certificate.
        await _journeys.ApproveAsync(Clerk("cdc"), number, "vaccination-certificate");
        await _journeys.ApproveAsync(Clerk("medical-insurance"), number, "maternity-allowance");
        @case = await _journeys.CaseAsync(Father, number);
        Assert.Equal("InReview", JourneyClient.MatterStatus(@case, "birth-certificate"));
        Assert.Equal("Waiting", JourneyClient.MatterStatus(@case, "household-registration"));
        Assert.Null(Text(JourneyClient.Matter(@case, "household-registration"), "clockStartedAt"));
        Assert.Equal(0, (await _journeys.GetJsonAsync(Head("police"), $"/api/v1/clerk/tasks?caseNumber={number}")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await (await _journeys.AsAsync(Clerk("police"))).GetAsync($"/api/v1/cases/{number}")).StatusCode);

        await _journeys.ApproveAsync(Clerk("health"), number, "birth-certificate");
        await _journeys.WaitForMatterAsync(Father, number, "household-registration", "InReview");
        await _journeys.ApproveAsync(Clerk("police"), number, "household-registration");

        // Enrolment by rule once the household entry exists; payment and card by the departments' own systems over the bus.
        @case = await _journeys.WaitForCaseAsync(Father, number, "Completed");
        Assert.NotNull(Text(@case, "closedAt"));
        Assert.All(@case.GetProperty("matters").EnumerateArray(), m => Assert.Equal("Approved", Text(m, "status")));
        var deciders = new Dictionary<string, (string Decider, string By)>
        {
            ["birth-certificate"] = ("Clerk", "·经办人"),
            ["vaccination-certificate"] = ("Clerk", "·经办人"),
            ["maternity-allowance"] = ("Clerk", "·经办人"),
            ["household-registration"] = ("Clerk", "·经办人"),
            ["medical-insurance-enrolment"] = ("Rule", "按户籍信息自动参加城乡居民医保。"),
            ["insurance-payment"] = ("System", "tax-system"),
            ["social-security-card"] = ("System", "hrss-system"),
        };
        foreach (var (code, (decider, by)) in deciders)
        {
            var matter = JourneyClient.Matter(@case, code);
            Assert.True(Text(matter, "decider") == decider, $"{code} was decided by {Text(matter, "decider")}, not {decider}");
            Assert.EndsWith(by, Text(matter, "decidedBy"), StringComparison.Ordinal);
            Assert.NotNull(Text(matter, "decidedAt"));
        }

        Assert.Equal("newborn-enrolment-after-registration", Text(JourneyClient.Matter(@case, "medical-insurance-enrolment"), "rule"));
        var birthStarted = Timeline(@case).Single(e => Text(e, "kind") == "MatterStarted" && Text(e, "matter") == "birth-certificate").GetProperty("at").GetDateTimeOffset();
        var birthApproved = JourneyClient.Matter(@case, "birth-certificate").GetProperty("decidedAt").GetDateTimeOffset();
        var householdStarted = JourneyClient.Matter(@case, "household-registration").GetProperty("clockStartedAt").GetDateTimeOffset();
        Assert.True(householdStarted >= birthApproved && birthApproved > birthStarted, "household registration started only after the birth certificate was approved");

        // The timeline tells the story, from submission to completion.
        var kinds = Kinds(@case).ToList();
        Assert.Equal("Submitted", kinds[0]);
        Assert.Equal("Completed", kinds[^1]);
        Assert.Equal(4, kinds.Count(k => k == "LicencePulled"));
        Assert.Equal(3, kinds.Count(k => k == "LicenceIssued"));
        Assert.Equal(7, kinds.Count(k => k == "MatterApproved"));
        Assert.Contains("Accepted", kinds);
        Assert.Equal(4, Timeline(@case).Count(e => Text(e, "kind") == "Claimed" && Text(e, "actorName")!.EndsWith("·经办人", StringComparison.Ordinal)));
        Assert.Equal("rule:newborn-all-e-licences", Text(Timeline(@case).Single(e => Text(e, "kind") == "Accepted"), "actor"));

        // Results: the licences written back, each downloadable from the case.
        var results = @case.GetProperty("results").EnumerateArray().ToDictionary(r => Text(r, "matter")!, r => Text(r, "licenceId")!);
        Assert.Equal(["birth-certificate", "household-registration", "vaccination-certificate"], results.Keys.Order());
        Assert.Equal("birth-certificate", Text(@case.GetProperty("results").EnumerateArray().Single(r => Text(r, "matter") == "birth-certificate"), "licenceType"));
        var birthCertificate = await _journeys.GetJsonAsync(Father, $"/api/v1/cases/{number}/results/{results["birth-certificate"]}");
        Assert.Equal((results["birth-certificate"], "birth-certificate", LiNa, "张子涵"),
            (Text(birthCertificate, "id"), Text(birthCertificate, "type"), Text(birthCertificate, "holderId"), Text(birthCertificate, "holderName")));
        Assert.Equal("Q" + number, birthCertificate.GetProperty("data").GetProperty("certificateNumber").GetString());
        var notAResult = await (await _journeys.AsAsync(Father)).GetAsync($"/api/v1/cases/{number}/results/{DemoHouseholdRegister}");
        Assert.Equal(HttpStatusCode.NotFound, notAResult.StatusCode);

        // The birth certificate is the mother's: it is in her own licence list.
        var linasLicences = await _journeys.GetJsonAsync(Mother, "/api/v1/me/licences");
        var hers = linasLicences.EnumerateArray().Single(l => Text(l, "id") == results["birth-certificate"]);
        Assert.Equal("valid", Text(hers, "status"));

        // The updated household register supersedes the old one: pulls and lists give the new edition with the child.
        var newRegister = results["household-registration"];
        Assert.Equal(LicenceStatus.Superseded, (await Library.GetAsync(DemoHouseholdRegister))!.Status);
        var registers = (await Library.ListAsync(ZhangWei)).Where(l => l.Type == "household-register").ToList();
        Assert.Equal(newRegister, registers.Single(l => l.Status == LicenceStatus.Valid).Id);
        var pulled = await Library.PullAsync(new LicencePullRequest(ZhangWei, "household-register", number, "测试：核对新户口簿", "functional-test"));
        Assert.Equal((LicencePullOutcome.Ok, newRegister), (pulled.Outcome, pulled.Licence!.Id));
        var child = pulled.Licence.Data["members"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "张子涵")!;
        Assert.Equal(("子", "2025-12-20"), (child["relation"]!.GetValue<string>(), child["birthDate"]!.GetValue<string>()));

        // The applicant is told of acceptance, every matter and completion: in the app and by text message, once each.
        // (Only what arrived since the submission counts: case numbers restart after each test's reset.)
        const int expectedNotifications = 9; // accepted + 7 matters + completed
        var since = submitted.GetProperty("submittedAt").GetDateTimeOffset();
        List<JsonElement> notifications = [];
        await Eventually.HoldsAsync(async () =>
        {
            var page = await _journeys.GetJsonAsync(Father, "/api/v1/me/notifications?pageSize=50");
            notifications = [.. page.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("deliveredAt").GetDateTimeOffset() >= since)];
            return notifications.Count >= expectedNotifications;
        }, "zhangwei has his notifications");
        Assert.Equal(expectedNotifications, notifications.Count);
        Assert.All(notifications, n => Assert.Equal(number, Text(n, "caseNumber")));
        var titles = notifications.Select(n => Text(n, "title")).ToList();
        Assert.Contains("办件已受理", titles);
        Assert.Contains("出生医学证明签发已办结", titles);
        Assert.Contains("办件已办结", titles);
        Assert.Equal(0, (await _journeys.GetJsonAsync(Mother, "/api/v1/me/notifications")).GetProperty("total").GetInt32());

        List<string> texts = [];
        await Eventually.HoldsAsync(async () =>
        {
            texts = [.. (await SmsAsync(FatherPhone)).Where(t => t!["acceptedAt"]!.GetValue<DateTimeOffset>() >= since).Select(t => t!["text"]!.GetValue<string>())];
            return texts.Count >= expectedNotifications;
        }, $"the SMS gateway has {expectedNotifications} texts for {FatherPhone}");
        Assert.Equal(expectedNotifications, texts.Count);
        Assert.All(texts, t => Assert.StartsWith("【菏泽一件事】", t, StringComparison.Ordinal));
        Assert.Contains($"【菏泽一件事】办件已办结：您的办件 {number}（新生儿出生一件事）已全部办结，可在办件详情中查看和下载结果。", texts);
        Assert.Empty(await SmsAsync("13800000002"));
    }

    [Fact]
    public async Task A_correction_is_requested_once_with_every_item_answered_once_and_restarts_the_matters_clock()
    {
        var number = await AcceptedCaseAsync(_journeys);
        var clerk = Clerk("medical-insurance");
        var firstTask = await _journeys.TaskAsync(clerk, number, "maternity-allowance");
        var before = JourneyClient.Matter(await _journeys.CaseAsync(Father, number), "maternity-allowance");
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(clerk, $"/api/v1/clerk/tasks/{firstTask}/claim", null), HttpStatusCode.OK, "claim");

        var request = await _journeys.PostAsync(clerk, $"/api/v1/clerk/tasks/{firstTask}/corrections", new
        {
            items = new[]
            {
                new { item = "/bankAccount/accountNumber", reason = "银行账号与母亲姓名不符", reasonEn = "The account does not belong to the mother" },
                new { item = "maternity-receipts", reason = "请上传生育医疗费用票据", reasonEn = "Upload the maternity receipts" },
            },
        });
        await JourneyClient.ExpectAsync(request, HttpStatusCode.NoContent, "request a correction");

        var @case = await _journeys.CaseAsync(Father, number);
        Assert.Equal("CorrectionRequired", Text(@case, "status"));
        Assert.Equal("CorrectionRequired", JourneyClient.MatterStatus(@case, "maternity-allowance"));
        var correction = Assert.Single(@case.GetProperty("corrections").EnumerateArray());
        Assert.Equal("maternity-allowance", Text(correction, "matter"));
        Assert.Equal(["/bankAccount/accountNumber", "maternity-receipts"], correction.GetProperty("items").EnumerateArray().Select(i => Text(i, "item")));
        Assert.EndsWith("·经办人", Text(correction, "requestedBy"), StringComparison.Ordinal);
        Assert.Null(Text(correction, "submittedAt"));
        Assert.Equal(0, (await _journeys.GetJsonAsync(clerk, $"/api/v1/clerk/tasks?caseNumber={number}&matter=maternity-allowance")).GetProperty("total").GetInt32());

        var correctionId = correction.GetProperty("id").GetGuid();
        var answer = new
        {
            fields = new Dictionary<string, object> { ["/bankAccount/accountNumber"] = "6217001234567890999" },
            materials = new[] { new { code = "maternity-receipts", fileName = "票据.pdf", mediaType = "application/pdf", content = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4\n% receipts\n")) } },
            note = "已更正为母亲本人账户并补充票据",
        };
        var answered = await _journeys.PostAsync(Father, $"/api/v1/cases/{number}/corrections/{correctionId}", answer);
        await JourneyClient.ExpectAsync(answered, HttpStatusCode.OK, "answer the correction");
        var twice = await _journeys.PostAsync(Father, $"/api/v1/cases/{number}/corrections/{correctionId}", answer);
        await ProblemAsync(twice, HttpStatusCode.Conflict);

        // Back in review: a new task, a restarted clock, the corrected form and the new file.
        @case = await _journeys.CaseAsync(Father, number);
        Assert.Equal("InProgress", Text(@case, "status"));
        var after = JourneyClient.Matter(@case, "maternity-allowance");
        Assert.Equal("InReview", Text(after, "status"));
        Assert.Equal(1, after.GetProperty("corrections").GetInt32());
        Assert.True(after.GetProperty("clockStartedAt").GetDateTimeOffset() > before.GetProperty("clockStartedAt").GetDateTimeOffset(), "the clock restarted");
        Assert.True(after.GetProperty("promisedDueAt").GetDateTimeOffset() >= before.GetProperty("promisedDueAt").GetDateTimeOffset());
        Assert.NotNull(Text(@case.GetProperty("corrections")[0], "submittedAt"));
        Assert.Equal("6217001234567890999", @case.GetProperty("form").GetProperty("bankAccount").GetProperty("accountNumber").GetString());
        Assert.Equal("票据.pdf", Text(@case.GetProperty("materials").EnumerateArray().Single(m => Text(m, "code") == "maternity-receipts"), "fileName"));
        Assert.Equal(["MatterStarted", "Claimed", "CorrectionRequested", "CorrectionSubmitted", "MatterRestarted"], Kinds(@case, "maternity-allowance"));

        var secondTask = await _journeys.TaskAsync(clerk, number, "maternity-allowance");
        Assert.NotEqual(firstTask, secondTask);
        var queued = await _journeys.GetJsonAsync(clerk, $"/api/v1/clerk/tasks/{secondTask}");
        Assert.Equal(after.GetProperty("promisedDueAt").GetDateTimeOffset(), queued.GetProperty("dueAt").GetDateTimeOffset());

        await _journeys.ApproveAsync(clerk, number, "maternity-allowance", "账户已核实");
        var approved = JourneyClient.Matter(await _journeys.CaseAsync(Father, number), "maternity-allowance");
        Assert.Equal(("Approved", "Clerk", "账户已核实"), (Text(approved, "status"), Text(approved, "decider"), Text(approved, "reason")));
    }

    [Fact]
    public async Task Withdrawing_an_accepted_case_revokes_what_was_issued_restores_the_old_register_and_cancels_open_matters()
    {
        var number = await AcceptedCaseAsync(_journeys);
        var vaccinationTask = await _journeys.TaskAsync(Clerk("cdc"), number, "vaccination-certificate");
        var maternityTask = await _journeys.TaskAsync(Clerk("medical-insurance"), number, "maternity-allowance");
        await _journeys.ApproveAsync(Clerk("health"), number, "birth-certificate");
        await _journeys.ApproveAsync(Clerk("police"), number, "household-registration");
        await _journeys.WaitForMatterAsync(Father, number, "insurance-payment", "Approved");
        var @case = await _journeys.WaitForMatterAsync(Father, number, "social-security-card", "Approved");
        var birthCertificate = Text(JourneyClient.Matter(@case, "birth-certificate"), "licenceId")!;
        var newRegister = Text(JourneyClient.Matter(@case, "household-registration"), "licenceId")!;
        Assert.Equal(LicenceStatus.Superseded, (await Library.GetAsync(DemoHouseholdRegister))!.Status);

        var withdrawal = await _journeys.PostAsync(Father, $"/api/v1/cases/{number}/withdrawal", new { reason = "家庭原因，改为线下办理" });
        await JourneyClient.ExpectAsync(withdrawal, HttpStatusCode.OK, "withdraw");

        @case = await _journeys.CaseAsync(Father, number);
        Assert.Equal(("Withdrawn", "家庭原因，改为线下办理"), (Text(@case, "status"), Text(@case, "closingReason")));
        foreach (var revoked in new[] { "birth-certificate", "household-registration", "medical-insurance-enrolment", "insurance-payment", "social-security-card" })
        {
            Assert.True(JourneyClient.MatterStatus(@case, revoked) == "Revoked", $"{revoked} is {JourneyClient.MatterStatus(@case, revoked)}");
        }

        Assert.Equal("Cancelled", JourneyClient.MatterStatus(@case, "vaccination-certificate"));
        Assert.Equal("Cancelled", JourneyClient.MatterStatus(@case, "maternity-allowance"));
        Assert.Contains("Withdrawn", Kinds(@case));
        Assert.Equal(5, Kinds(@case).Count(k => k == "MatterRevoked"));

        // The sealed results of the revoked matters verify as revoked from now on.
        var documents = (await _journeys.GetJsonAsync(Father, $"/api/v1/cases/{number}/documents")).EnumerateArray().ToList();
        var birthDocument = documents.Single(d => Text(d, "matter") == "birth-certificate");
        Assert.True(birthDocument.GetProperty("revoked").GetBoolean());
        Assert.All(documents, d => Assert.True(d.GetProperty("revoked").GetBoolean(), Text(d, "matter")));
        var client = await _journeys.AsAsync(Father);
        var pdf = await client.GetByteArrayAsync($"/api/v1/cases/{number}/documents/{Text(birthDocument, "id")}");
        using var upload = new ByteArrayContent(pdf);
        upload.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        var verification = await (await client.PostAsync("/api/v1/verify", upload)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("revoked", Text(verification, "status"));
        Assert.Contains("撤回", Text(verification, "revocationReason"), StringComparison.Ordinal);

        // The library: the birth certificate and the new register are revoked, the old register is current again.
        Assert.Equal(LicenceStatus.Revoked, (await Library.GetAsync(birthCertificate))!.Status);
        Assert.Equal(LicenceStatus.Revoked, (await Library.GetAsync(newRegister))!.Status);
        Assert.Equal(LicenceStatus.Valid, (await Library.GetAsync(DemoHouseholdRegister))!.Status);
        var pulled = await Library.PullAsync(new LicencePullRequest(ZhangWei, "household-register", number, "测试：撤回后的户口簿", "functional-test"));
        Assert.Equal((LicencePullOutcome.Ok, DemoHouseholdRegister), (pulled.Outcome, pulled.Licence!.Id));
        var linasLicences = await _journeys.GetJsonAsync(Mother, "/api/v1/me/licences");
        Assert.Equal("revoked", Text(linasLicences.EnumerateArray().Single(l => Text(l, "id") == birthCertificate), "status"));

        // The open tasks left the queues; deciding one is a conflict. A second withdrawal is one too.
        Assert.Equal(0, (await _journeys.GetJsonAsync(Clerk("cdc"), $"/api/v1/clerk/tasks?caseNumber={number}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await _journeys.GetJsonAsync(Clerk("medical-insurance"), $"/api/v1/clerk/tasks?caseNumber={number}")).GetProperty("total").GetInt32());
        await ProblemAsync(await _journeys.PostAsync(Clerk("cdc"), $"/api/v1/clerk/tasks/{vaccinationTask}/approve", new { comment = "同意" }), HttpStatusCode.Conflict);
        await ProblemAsync(await _journeys.PostAsync(Clerk("medical-insurance"), $"/api/v1/clerk/tasks/{maternityTask}/claim", null), HttpStatusCode.Conflict);
        await ProblemAsync(await _journeys.PostAsync(Father, $"/api/v1/cases/{number}/withdrawal", new { reason = "again" }), HttpStatusCode.Conflict);
    }

    private static IEnumerable<JsonElement> Timeline(JsonElement @case) => @case.GetProperty("timeline").EnumerateArray();

    /// <summary>What the sandbox SMS gateway stored for a phone, newest first (its list API at its real address).</summary>
    private async Task<JsonArray> SmsAsync(string phone)
    {
        var address = Platform.Factory.Services.GetRequiredService<IOutsideSystemAddresses>().Find(OutsideSystem.Sms)!;
        using var http = new HttpClient();
        return (await http.GetFromJsonAsync<JsonArray>(new Uri(address, $"messages?phoneNumber={phone}")))!;
    }

    public void Dispose() => _journeys.Dispose();
}
