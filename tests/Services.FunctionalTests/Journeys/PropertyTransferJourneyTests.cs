using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Integrations.Licences;
using static OneThing.FunctionalTests.Journeys.CaseJson;
using static OneThing.FunctionalTests.Journeys.JourneyForms;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>
/// 二手房转移登记及水电气网联动过户 over HTTP on PostgreSQL + RabbitMQ: 刘洋 buys 王强's flat with 王强's consent to the
/// use of his ID card and property certificate. Contract filing, tax and registration run one after the other; the
/// registration writes back the buyer's property certificate and the utility transfers fan out. Also: a rejection by
/// the tax clerk, a withdrawal before acceptance, and a window clerk filing for the buyer (帮办代办).
/// </summary>
public sealed class PropertyTransferJourneyTests(PlatformFixture platform) : PlatformTest(platform)
{
    private const string Buyer = "liuyang";
    private const string Seller = "wangqiang";
    private const string WindowClerk = "window.clerk";

    private static readonly string[] Utilities = ["electricity-transfer", "water-transfer", "gas-transfer", "broadband-transfer"];

    private readonly JourneyClient _journeys = new(platform);

    private ILicenceLibrary Library => Platform.Factory.Services.GetRequiredService<ILicenceLibrary>();

    public override Task DisposeAsync()
    {
        _journeys.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task The_transfer_runs_in_order_writes_the_buyers_certificate_and_fans_out_the_utility_transfers()
    {
        var number = await SubmitAsync();

        await _journeys.ApproveAsync(Clerk("service-center"), number, "acceptance");
        var filing = await _journeys.WaitForMatterAsync(Buyer, number, "contract-filing", "InReview");
        Assert.Equal(["Waiting", "Waiting"], new[] { "tax-assessment", "registration" }.Select(m => JourneyClient.MatterStatus(filing, m)));
        Assert.Empty(await OpenTasksAsync(_journeys, Clerk("tax"), number));

        await _journeys.ApproveAsync(Clerk("housing"), number, "contract-filing");
        var taxing = await _journeys.WaitForMatterAsync(Buyer, number, "tax-assessment", "InReview");
        Assert.Equal("Waiting", JourneyClient.MatterStatus(taxing, "registration"));
        Assert.Empty(await OpenTasksAsync(_journeys, Clerk("real-estate"), number));

        await _journeys.ApproveAsync(Clerk("tax"), number, "tax-assessment", "税费已核定并缴纳");
        var registering = await _journeys.WaitForMatterAsync(Buyer, number, "registration", "InReview");
        Assert.All(Utilities, m => Assert.Equal("Waiting", JourneyClient.MatterStatus(registering, m)));
        Assert.Empty(await OpenTasksAsync(_journeys, Clerk("utilities"), number));
        Assert.Empty(registering.GetProperty("results").EnumerateArray());

        // 登簿: the buyer's electronic property certificate is written back to the licence library.
        await _journeys.ApproveAsync(Clerk("real-estate"), number, "registration", "准予登簿");
        var gas = await _journeys.WaitForMatterAsync(Buyer, number, "gas-transfer", "InReview");
        var registration = JourneyClient.Matter(gas, "registration");
        Assert.Equal(("Approved", "Clerk", "菏泽市不动产登记中心·经办人"), (Text(registration, "status"), Text(registration, "decider"), Text(registration, "decidedBy")));
        var licenceId = Text(registration, "licenceId")!;
        var certificate = await Library.GetAsync(licenceId);
        Assert.NotNull(certificate);
        Assert.Equal(("property-certificate", LiuYang, "刘洋", LicenceStatus.Valid), (certificate.Type, certificate.HolderId, certificate.HolderName, certificate.Status));
        Assert.Equal("菏泽市不动产登记中心", certificate.IssuerName);
        Assert.Equal("刘洋", certificate.Data["owner"]!.GetValue<string>());
        Assert.Equal("山东省菏泽市曹县青菏路88号2单元301室", certificate.Data["address"]!.GetValue<string>());
        var sellers = (await Library.ListAsync(WangQiang)).Single(l => l.Type == "property-certificate");
        Assert.Equal(sellers.Data["unitNumber"]!.GetValue<string>(), certificate.Data["unitNumber"]!.GetValue<string>());
        var buyersLicences = await _journeys.GetJsonAsync(Buyer, "/api/v1/me/licences");
        Assert.Contains(buyersLicences.EnumerateArray(), l => Text(l, "id") == licenceId);
        Assert.Equal(LiuYang, Text(await _journeys.GetJsonAsync(Buyer, $"/api/v1/cases/{number}/results/{licenceId}"), "holderId"));

        // The utilities fan out: electricity and water by rule at once, broadband by the utilities' own system over the
        // bus, gas (which needs a safety check at home) by the utilities desk's clerk.
        var systemDecided = await _journeys.WaitForMatterAsync(Buyer, number, "broadband-transfer", "Approved");
        Assert.Equal(("Rule", "property-electricity-with-registration"), Decision(systemDecided, "electricity-transfer"));
        Assert.Equal(("Rule", "property-water-with-registration"), Decision(systemDecided, "water-transfer"));
        Assert.Equal("System", Text(JourneyClient.Matter(systemDecided, "broadband-transfer"), "decider"));
        Assert.Equal("utilities-system", Text(JourneyClient.Matter(systemDecided, "broadband-transfer"), "decidedBy"));
        Assert.Equal("InProgress", Status(systemDecided));
        var registered = Position(systemDecided, "MatterApproved", "registration");
        Assert.True(registered < Position(systemDecided, "MatterApproved", "electricity-transfer"));
        Assert.True(registered < Position(systemDecided, "MatterStarted", "gas-transfer"));
        Assert.True(registered < Position(systemDecided, "MatterStarted", "broadband-transfer"));

        await _journeys.ApproveAsync(Clerk("utilities"), number, "gas-transfer", "已上门安全检查，燃气户名已变更");
        var completed = await _journeys.WaitForCaseAsync(Buyer, number, "Completed");
        Assert.All(completed.GetProperty("matters").EnumerateArray(), m => Assert.Equal("Approved", Text(m, "status")));
        Assert.Equal(("Approved", "Clerk"), (Text(JourneyClient.Matter(completed, "gas-transfer"), "status"), Text(JourneyClient.Matter(completed, "gas-transfer"), "decider")));
        Assert.Equal("Completed", Text(completed.GetProperty("timeline").EnumerateArray().Last(), "kind"));

        // A completed case cannot be withdrawn, and its certificate stays valid.
        var withdrawal = await _journeys.PostAsync(Buyer, $"/api/v1/cases/{number}/withdrawal", new { reason = "不想要了" });
        var (problem, _) = await ProblemAsync(withdrawal, HttpStatusCode.Conflict);
        Assert.True(HasChinese(Text(problem, "detailZh")));
        Assert.Equal("Completed", Status(await _journeys.CaseAsync(Buyer, number)));
        Assert.Equal(LicenceStatus.Valid, (await Library.GetAsync(licenceId))!.Status);
    }

    [Fact]
    public async Task A_tax_clerk_rejects_with_a_reason_the_case_is_rejected_and_the_remaining_matters_are_cancelled()
    {
        var number = await SubmitAsync();
        await _journeys.ApproveAsync(Clerk("service-center"), number, "acceptance");
        await _journeys.ApproveAsync(Clerk("housing"), number, "contract-filing");
        var task = await _journeys.TaskAsync(Clerk("tax"), number, "tax-assessment");
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(Clerk("tax"), $"/api/v1/clerk/tasks/{task}/claim", null), HttpStatusCode.OK, "claim");

        // A rejection must say why: the applicant is told.
        foreach (var body in new object[] { new { reason = "  " }, new { } })
        {
            var (_, errors) = await ProblemAsync(await _journeys.PostAsync(Clerk("tax"), $"/api/v1/clerk/tasks/{task}/reject", body), HttpStatusCode.BadRequest);
            Assert.Equal([("#/reason", "required")], errors.Select(e => (e.Pointer, e.Code)));
        }

        Assert.Equal("InReview", JourneyClient.MatterStatus(await _journeys.CaseAsync(Buyer, number), "tax-assessment"));

        const string reason = "申报成交价格明显低于计税参考价，请补充评估报告后重新申请";
        await JourneyClient.ExpectAsync(await _journeys.PostAsync(Clerk("tax"), $"/api/v1/clerk/tasks/{task}/reject", new { reason }), HttpStatusCode.NoContent, "reject");

        var rejected = await _journeys.WaitForCaseAsync(Buyer, number, "Rejected");
        Assert.Contains(reason, Text(rejected, "closingReason"));
        Assert.NotNull(Text(rejected, "closedAt"));
        var tax = JourneyClient.Matter(rejected, "tax-assessment");
        Assert.Equal(("Rejected", "Clerk", reason, "国家税务总局菏泽市税务局·经办人"),
            (Text(tax, "status"), Text(tax, "decider"), Text(tax, "reason"), Text(tax, "decidedBy")));
        Assert.Equal("Approved", JourneyClient.MatterStatus(rejected, "acceptance"));
        Assert.Equal("Approved", JourneyClient.MatterStatus(rejected, "contract-filing"));
        Assert.All(["registration", .. Utilities], m => Assert.Equal("Cancelled", JourneyClient.MatterStatus(rejected, m)));
        Assert.Equal(reason, Text(Assert.Single(Events(rejected, "MatterRejected", "tax-assessment")), "detail"));
        Assert.Contains(reason, Text(Assert.Single(Events(rejected, "Rejected")), "detail"));
        Assert.Empty(Events(rejected, "MatterRevoked"));

        // No task is left open in any queue, and the decided task cannot be decided again.
        foreach (var department in new[] { "service-center", "housing", "tax", "real-estate", "utilities" })
        {
            Assert.Empty(await OpenTasksAsync(_journeys, Clerk(department), number));
        }

        var decided = await _journeys.GetJsonAsync(Clerk("tax"), $"/api/v1/clerk/tasks/{task}");
        Assert.Equal(("Completed", "Reject"), (Text(decided, "status"), Text(decided, "outcome")));
        await ProblemAsync(await _journeys.PostAsync(Clerk("tax"), $"/api/v1/clerk/tasks/{task}/approve", new { comment = "改为通过" }), HttpStatusCode.Conflict);
        Assert.Equal("Rejected", Status(await _journeys.CaseAsync(Buyer, number)));
        Assert.DoesNotContain(await Library.ListAsync(LiuYang), l => l.Type == "property-certificate");
    }

    [Fact]
    public async Task Withdrawn_before_acceptance_the_acceptance_task_is_cancelled_and_nothing_is_compensated()
    {
        var number = await SubmitAsync();
        var task = await _journeys.TaskAsync(Clerk("service-center"), number, "acceptance");

        var response = await _journeys.PostAsync(Buyer, $"/api/v1/cases/{number}/withdrawal", new { reason = "买卖双方协商解除合同" });
        await JourneyClient.ExpectAsync(response, HttpStatusCode.OK, "withdrawal");
        var withdrawn = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Withdrawn", Status(withdrawn));
        Assert.Equal("买卖双方协商解除合同", Text(withdrawn, "closingReason"));
        Assert.Null(Text(withdrawn, "acceptedAt"));
        Assert.All(withdrawn.GetProperty("matters").EnumerateArray(), m => Assert.Equal("Cancelled", Text(m, "status")));
        Assert.Contains("受理前撤回", Text(Assert.Single(Events(withdrawn, "Withdrawn")), "detail"));

        // The clerk's task is gone from the queue and cannot be claimed or decided.
        Assert.Empty(await OpenTasksAsync(_journeys, Clerk("service-center"), number));
        Assert.Equal("Cancelled", Text(await _journeys.GetJsonAsync(Clerk("service-center"), $"/api/v1/clerk/tasks/{task}"), "status"));
        await ProblemAsync(await _journeys.PostAsync(Clerk("service-center"), $"/api/v1/clerk/tasks/{task}/claim", null), HttpStatusCode.Conflict);
        await ProblemAsync(await _journeys.PostAsync(Clerk("service-center"), $"/api/v1/clerk/tasks/{task}/approve", new { comment = "受理" }), HttpStatusCode.Conflict);

        // Nothing was done, so nothing is undone: no revocations, no licence touched; a second withdrawal is refused.
        var after = await _journeys.CaseAsync(Buyer, number);
        Assert.Equal("Withdrawn", Status(after));
        Assert.Empty(Events(after, "MatterRevoked"));
        Assert.Empty(Events(after, "LicenceIssued"));
        Assert.DoesNotContain(after.GetProperty("matters").EnumerateArray(), m => Text(m, "status") == "Revoked");
        Assert.Equal(LicenceStatus.Valid, (await Library.ListAsync(WangQiang)).Single(l => l.Type == "property-certificate").Status);
        Assert.DoesNotContain(await Library.ListAsync(LiuYang), l => l.Type == "property-certificate");
        await ProblemAsync(await _journeys.PostAsync(Buyer, $"/api/v1/cases/{number}/withdrawal", new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_window_clerk_files_for_the_buyer_who_then_sees_the_case_as_his_own()
    {
        await ConsentAsync(_journeys, Seller, LiuYang, "property-transfer", "id-card", "property-certificate");
        var onBehalfOf = new { idNumber = LiuYang, name = "刘洋" };
        var authorisation = new { kind = "power-of-attorney", reference = "（2026）菏代字第0088号" };

        // The window clerk must show the evidence that lets them act for the buyer.
        var unauthorised = await _journeys.PostAsync(WindowClerk, "/api/v1/cases",
            new { journey = "property-transfer", form = PropertyTransfer(), onBehalfOf }, Guid.NewGuid().ToString());
        var (_, missing) = await ProblemAsync(unauthorised, HttpStatusCode.BadRequest);
        Assert.Equal([("#/authorisation/kind", "required"), ("#/authorisation/reference", "required")], missing.Select(e => (e.Pointer, e.Code)));

        var clerkId = Text(await _journeys.GetJsonAsync(WindowClerk, "/api/v1/me"), "subject")!;
        var submitted = await _journeys.SubmitAsync(WindowClerk, new { journey = "property-transfer", form = PropertyTransfer(), onBehalfOf, authorisation });
        var number = Number(submitted);

        var submitter = submitted.GetProperty("submittedBy");
        Assert.Equal((clerkId, "周晓（综合窗口）", "window-clerk"), (Text(submitter, "userId"), Text(submitter, "name"), Text(submitter, "actingAs")));
        var subject = submitted.GetProperty("subject");
        Assert.Equal(("Person", "刘洋", "3717**********3019"), (Text(subject, "kind"), Text(subject, "name"), Text(subject, "idNumber")));
        Assert.Equal(("power-of-attorney", "（2026）菏代字第0088号"),
            (Text(submitted.GetProperty("authorisation"), "kind"), Text(submitted.GetProperty("authorisation"), "reference")));
        var entry = Assert.Single(Events(submitted, "Submitted"));
        Assert.Equal((clerkId, "周晓（综合窗口）", "刘洋（3717**********3019）"), (Text(entry, "actor"), Text(entry, "actorName"), Text(entry, "onBehalfOf")));
        Assert.Contains("power-of-attorney", Text(entry, "detail"));
        Assert.Contains("（2026）菏代字第0088号", Text(entry, "detail"));

        // The buyer finds it among his own cases; the clerk, as submitter, too; nobody else sees it.
        var (_, buyers) = await MyCasesAsync(_journeys, Buyer);
        Assert.Equal([number], buyers);
        var summary = Assert.Single((await _journeys.GetJsonAsync(Buyer, "/api/v1/cases")).GetProperty("items").EnumerateArray());
        Assert.Equal(("刘洋", "window-clerk"), (Text(summary, "subjectName"), Text(summary, "actingAs")));
        Assert.Equal("window-clerk", Text((await _journeys.CaseAsync(Buyer, number)).GetProperty("submittedBy"), "actingAs"));
        Assert.Contains(number, (await MyCasesAsync(_journeys, WindowClerk)).Numbers);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(_journeys, "zhangwei", $"/api/v1/cases/{number}")).StatusCode);

        // The licences were pulled by the window clerk for the buyer's case (the seller's with his consent to the buyer).
        var pulls = await Library.ListPullsAsync(WangQiang, number);
        Assert.Equal(["id-card", "property-certificate"], pulls.Select(p => p.Type).Order());
        Assert.All(pulls, p => Assert.Equal(clerkId, p.Requester));

        // An applicant cannot file on someone else's behalf.
        var self = await _journeys.PostAsync(Buyer, "/api/v1/cases",
            new { journey = "property-transfer", form = PropertyTransfer(), onBehalfOf = new { idNumber = WangQiang, name = "王强" }, authorisation },
            Guid.NewGuid().ToString());
        var (_, refused) = await ProblemAsync(self, HttpStatusCode.BadRequest);
        Assert.Equal([("#/onBehalfOf", "not_allowed")], refused.Select(e => (e.Pointer, e.Code)));
        Assert.Equal([number], (await MyCasesAsync(_journeys, Buyer)).Numbers);
    }

    /// <summary>王强 consents to 刘洋 using his ID card and property certificate; 刘洋 submits. Returns the case number.</summary>
    private async Task<string> SubmitAsync()
    {
        await ConsentAsync(_journeys, Seller, LiuYang, "property-transfer", "id-card", "property-certificate");
        var submitted = await _journeys.SubmitAsync(Buyer, new { journey = "property-transfer", form = PropertyTransfer() });
        Assert.Equal("Submitted", Status(submitted));
        Assert.Equal("InReview", JourneyClient.MatterStatus(submitted, "acceptance"));
        var materials = submitted.GetProperty("materials").EnumerateArray().ToDictionary(m => Text(m, "code")!, m => m.GetProperty("withConsent").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["buyer-id-card"] = false, ["seller-id-card"] = true, ["seller-property-certificate"] = true }, materials);
        return Number(submitted);
    }

    private static (string? Decider, string? Rule) Decision(JsonElement @case, string matter)
    {
        var view = JourneyClient.Matter(@case, matter);
        Assert.Equal("Approved", Text(view, "status"));
        return (Text(view, "decider"), Text(view, "rule"));
    }
}
