using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Integrations.Licences;
using static OneThing.FunctionalTests.Journeys.CaseJson;
using static OneThing.FunctionalTests.Journeys.JourneyForms;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>
/// 企业职工退休一件事 over HTTP on PostgreSQL + RabbitMQ: the employer files through its agent 赵敏 for the employee
/// 王强, who first consents from his own account to the use of his ID card and household register. The case records
/// the agent as the actor and the employer as the subject; eligibility and pension assessment are decided by HR and
/// social security clerks one after the other, then retiree medical insurance and the housing fund by rules.
/// </summary>
public sealed class RetirementJourneyTests(PlatformFixture platform) : PlatformTest(platform)
{
    private const string Agent = "zhaomin";
    private const string Employee = "wangqiang";

    /// <summary>The employer's credit code as lists and the case view show it.</summary>
    private const string MaskedEmployerCode = "9137**********2L56";

    private static readonly object Authorisation = new { kind = "employer-authorisation", reference = "鲁西机械人〔2026〕3号", description = "单位授权人事专员赵敏办理职工退休" };

    private readonly JourneyClient _journeys = new(platform);

    private ILicenceLibrary Library => Platform.Factory.Services.GetRequiredService<ILicenceLibrary>();

    public override Task DisposeAsync()
    {
        _journeys.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task An_employers_agent_without_authorisation_evidence_is_refused_and_nothing_is_stored()
    {
        await ConsentAsync(_journeys, Employee, ZhaoMin, "retirement", "id-card", "household-register");

        var response = await _journeys.PostAsync(Agent, "/api/v1/cases", new { journey = "retirement", form = Retirement() }, Guid.NewGuid().ToString());

        var (_, errors) = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([("#/authorisation/kind", "required"), ("#/authorisation/reference", "required")], errors.Select(e => (e.Pointer, e.Code)));
        Assert.All(errors, e => Assert.True(HasChinese(e.DetailZh) && !string.IsNullOrWhiteSpace(e.Detail)));
        Assert.Equal(0, (await MyCasesAsync(_journeys, Agent)).Total);
        Assert.Empty(await Library.ListPullsAsync(WangQiang));
    }

    [Fact]
    public async Task The_agent_files_for_the_employer_with_the_employees_consent_and_the_case_runs_to_completion()
    {
        // Without 王强's consent his licences are not pulled: the refusal names the field that holds his number.
        var refused = await _journeys.PostAsync(Agent, "/api/v1/cases", new { journey = "retirement", form = Retirement(), authorisation = Authorisation }, Guid.NewGuid().ToString());
        var (_, missing) = await ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal([("#/form/employee/idNumber", "consent_required")], missing.Select(e => (e.Pointer, e.Code)).Distinct());
        Assert.Empty(await Library.ListPullsAsync(WangQiang));

        await ConsentAsync(_journeys, Employee, ZhaoMin, "retirement", "id-card", "household-register");
        var agentId = Text(await _journeys.GetJsonAsync(Agent, "/api/v1/me"), "subject")!;
        var submitted = await _journeys.SubmitAsync(Agent, new { journey = "retirement", form = Retirement(), authorisation = Authorisation });
        var number = Number(submitted);

        // The agent acts; the employer is the subject, its credit code masked.
        var subject = submitted.GetProperty("subject");
        Assert.Equal(("Organisation", EmployerName, MaskedEmployerCode), (Text(subject, "kind"), Text(subject, "name"), Text(subject, "idNumber")));
        var submitter = submitted.GetProperty("submittedBy");
        Assert.Equal((agentId, "赵敏", "agent"), (Text(submitter, "userId"), Text(submitter, "name"), Text(submitter, "actingAs")));
        Assert.Equal(("employer-authorisation", "鲁西机械人〔2026〕3号"),
            (Text(submitted.GetProperty("authorisation"), "kind"), Text(submitted.GetProperty("authorisation"), "reference")));
        var summary = Assert.Single((await _journeys.GetJsonAsync(Agent, "/api/v1/cases")).GetProperty("items").EnumerateArray());
        Assert.Equal((number, EmployerName, MaskedEmployerCode, "agent"),
            (Number(summary), Text(summary, "subjectName"), Text(summary, "subjectIdNumber"), Text(summary, "actingAs")));

        // The timeline shows both: the agent who submitted, on behalf of the employer.
        var entry = Assert.Single(Events(submitted, "Submitted"));
        Assert.Equal((agentId, "赵敏"), (Text(entry, "actor"), Text(entry, "actorName")));
        Assert.Equal($"{EmployerName}（{MaskedEmployerCode}）", Text(entry, "onBehalfOf"));
        Assert.Contains("agent", Text(entry, "detail"));
        Assert.Contains("employer-authorisation", Text(entry, "detail"));
        Assert.DoesNotContain(submitted.GetProperty("timeline").EnumerateArray(), e => (Text(e, "onBehalfOf") ?? string.Empty).Contains(EmployerCreditCode));

        // The employee's licences were used with his consent, each pull recorded against the case with the agent as requester.
        var materials = submitted.GetProperty("materials").EnumerateArray().ToDictionary(m => Text(m, "code")!);
        Assert.Equal(["employee-household-register", "employee-id-card", "employer-business-licence"], materials.Keys.Order());
        Assert.True(materials["employee-id-card"].GetProperty("withConsent").GetBoolean());
        Assert.True(materials["employee-household-register"].GetProperty("withConsent").GetBoolean());
        Assert.False(materials["employer-business-licence"].GetProperty("withConsent").GetBoolean());
        Assert.Equal("3717**********4519", Text(materials["employee-id-card"], "holderIdNumber"));
        var pulls = await Library.ListPullsAsync(WangQiang, number);
        Assert.Equal(["household-register", "id-card"], pulls.Select(p => p.Type).Order());
        Assert.All(pulls, p => Assert.Equal((LicencePullOutcome.Ok, agentId), (p.Outcome, p.Requester)));
        Assert.Equal("business-licence", Assert.Single(await Library.ListPullsAsync(EmployerCreditCode, number)).Type);

        // 受理, then eligibility and pension assessment one after the other, by HR and social security clerks.
        Assert.Equal("InReview", JourneyClient.MatterStatus(submitted, "acceptance"));
        await _journeys.ApproveAsync(Clerk("service-center"), number, "acceptance");
        var qualifying = await _journeys.WaitForMatterAsync(Agent, number, "retirement-qualification", "InReview");
        Assert.Equal("Waiting", JourneyClient.MatterStatus(qualifying, "pension-assessment"));
        Assert.NotNull(Text(JourneyClient.Matter(qualifying, "retirement-qualification"), "promisedDueAt"));
        Assert.Equal("retirement-qualification", Text(Assert.Single(await OpenTasksAsync(_journeys, Clerk("hrss"), number)), "matter"));

        await _journeys.ApproveAsync(Clerk("hrss"), number, "retirement-qualification", "符合法定退休条件");
        var assessing = await _journeys.WaitForMatterAsync(Agent, number, "pension-assessment", "InReview");
        Assert.Equal("Waiting", JourneyClient.MatterStatus(assessing, "medical-insurance-retirement"));
        Assert.Equal("Waiting", JourneyClient.MatterStatus(assessing, "housing-fund-withdrawal"));

        // After the pension: retiree medical insurance (contribution years) and the housing fund pass their rules at once.
        await _journeys.ApproveAsync(Clerk("hrss"), number, "pension-assessment", "养老金待遇核定完毕");
        var completed = await _journeys.WaitForCaseAsync(Agent, number, "Completed");
        foreach (var (matter, decider) in new[] { ("acceptance", "Clerk"), ("retirement-qualification", "Clerk"), ("pension-assessment", "Clerk"),
            ("medical-insurance-retirement", "Rule"), ("housing-fund-withdrawal", "Rule") })
        {
            var view = JourneyClient.Matter(completed, matter);
            Assert.Equal((matter, "Approved", decider), (matter, Text(view, "status"), Text(view, "decider")));
        }

        Assert.Equal("菏泽市人力资源和社会保障局·经办人", Text(JourneyClient.Matter(completed, "pension-assessment"), "decidedBy"));
        Assert.Equal("retirement-medical-contribution-years", Text(JourneyClient.Matter(completed, "medical-insurance-retirement"), "rule"));
        Assert.Equal("retirement-housing-fund-after-approval", Text(JourneyClient.Matter(completed, "housing-fund-withdrawal"), "rule"));
        Assert.True(Position(completed, "MatterApproved", "retirement-qualification") < Position(completed, "MatterStarted", "pension-assessment"));
        Assert.True(Position(completed, "MatterApproved", "pension-assessment") < Position(completed, "MatterApproved", "medical-insurance-retirement"));
        Assert.True(Position(completed, "MatterApproved", "pension-assessment") < Position(completed, "MatterApproved", "housing-fund-withdrawal"));
        Assert.Equal("Completed", Text(completed.GetProperty("timeline").EnumerateArray().Last(), "kind"));
        Assert.Empty(await OpenTasksAsync(_journeys, Clerk("hrss"), number));

        // The subject and actor stay recorded on the completed case.
        Assert.Equal("agent", Text(completed.GetProperty("submittedBy"), "actingAs"));
        Assert.Equal("Organisation", Text(completed.GetProperty("subject"), "kind"));
    }
}
