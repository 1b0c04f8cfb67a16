using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Host.Cases.Identifiers;
using OneThing.Integrations.Licences;
using static OneThing.FunctionalTests.Journeys.CaseJson;
using static OneThing.FunctionalTests.Journeys.JourneyForms;

namespace OneThing.FunctionalTests.Journeys;

/// <summary>
/// 企业开办一件事 over HTTP on PostgreSQL + RabbitMQ: 赵敏 founds a company; the service centre accepts, the name
/// passes the name rules, the market regulator registers the company (assigning its unified social credit code and
/// writing back the business licence), and only then do seal, tax, insurance, housing fund and bank run in parallel —
/// decided by a police clerk, by rules and by the departments' own systems over the bus.
/// </summary>
public sealed class BusinessStartupJourneyTests(PlatformFixture platform) : PlatformTest(platform)
{
    private const string Founder = "zhaomin";
    private const string CompanyName = "菏泽智汇信息科技有限公司";

    /// <summary>Every matter that needs the company's credit code.</summary>
    private static readonly string[] AfterRegistration =
        ["seal-engraving", "tax-registration", "employer-insurance-registration", "housing-fund-registration", "bank-account-appointment"];

    private readonly JourneyClient _journeys = new(platform);

    private ILicenceLibrary Library => Platform.Factory.Services.GetRequiredService<ILicenceLibrary>();

    public override Task DisposeAsync()
    {
        _journeys.Dispose();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task Registration_assigns_the_credit_code_and_only_then_do_the_other_matters_run_in_parallel_to_completion()
    {
        var submitted = await _journeys.SubmitAsync(Founder, new { journey = "business-startup", form = BusinessStartup() });
        var number = Number(submitted);
        Assert.Equal("Submitted", Status(submitted));
        Assert.Equal(("Person", "赵敏"), (Text(submitted.GetProperty("subject"), "kind"), Text(submitted.GetProperty("subject"), "name")));
        Assert.Null(Text(submitted.GetProperty("submittedBy"), "actingAs"));
        Assert.Equal("InReview", JourneyClient.MatterStatus(submitted, "acceptance"));
        Assert.All(["name-declaration", "establishment-registration", .. AfterRegistration],
            matter => Assert.Equal("Waiting", JourneyClient.MatterStatus(submitted, matter)));

        // 受理: a clerk of the service centre accepts; the name declaration passes the name rules at once (秒批).
        await _journeys.ApproveAsync(Clerk("service-center"), number, "acceptance");
        var registering = await _journeys.WaitForMatterAsync(Founder, number, "establishment-registration", "InReview");
        Assert.Equal("InProgress", Status(registering));
        Assert.NotNull(Text(registering, "promisedDueAt"));
        AssertDecided(registering, "acceptance", "Clerk", "菏泽市政务服务中心·经办人");
        AssertDecided(registering, "name-declaration", "Rule", null);
        Assert.Equal("business-name-rules", Text(JourneyClient.Matter(registering, "name-declaration"), "rule"));
        Assert.NotNull(Text(JourneyClient.Matter(registering, "establishment-registration"), "promisedDueAt"));

        // Before registration nothing that needs the credit code has started: no seal task, no tax task, no result.
        foreach (var matter in AfterRegistration)
        {
            Assert.Equal("Waiting", JourneyClient.MatterStatus(registering, matter));
            Assert.Null(Text(JourneyClient.Matter(registering, matter), "clockStartedAt"));
        }

        Assert.Empty(await OpenTasksAsync(_journeys, Clerk("police"), number));
        Assert.Empty(await OpenTasksAsync(_journeys, Clerk("tax"), number));
        Assert.Empty(registering.GetProperty("results").EnumerateArray());

        await _journeys.ApproveAsync(Clerk("market"), number, "establishment-registration", "准予设立登记");
        var parallel = await _journeys.WaitForMatterAsync(Founder, number, "seal-engraving", "InReview");
        var registration = AssertDecided(parallel, "establishment-registration", "Clerk", "菏泽市市场监督管理局·经办人");
        Assert.Equal("准予设立登记", Text(registration, "reason"));
        var licenceId = Text(registration, "licenceId")!;

        // The business licence is the company's: held by its new, valid unified social credit code of the case's area.
        var result = await _journeys.GetJsonAsync(Founder, $"/api/v1/cases/{number}/results/{licenceId}");
        var creditCode = Text(result, "holderId")!;
        Assert.True(CreditCode.TryParse(creditCode, out var code, out var error), $"{creditCode}: {error?.Message}");
        Assert.Equal(creditCode, code!.Value);
        Assert.Equal(number[..6], code.AreaCode);
        var licence = await Library.GetAsync(licenceId);
        Assert.NotNull(licence);
        Assert.Equal(("business-licence", creditCode, CompanyName, LicenceStatus.Valid), (licence.Type, licence.HolderId, licence.HolderName, licence.Status));
        Assert.Equal("菏泽市市场监督管理局", licence.IssuerName);
        Assert.Equal(creditCode, licence.Data["creditCode"]!.GetValue<string>());
        Assert.Equal("赵敏", licence.Data["legalRepresentative"]!.GetValue<string>());
        Assert.Contains(await Library.ListAsync(creditCode), l => l.Id == licenceId);
        Assert.Contains(licenceId, Text(Assert.Single(Events(parallel, "LicenceIssued", "establishment-registration")), "detail"));
        var resultView = Assert.Single(parallel.GetProperty("results").EnumerateArray());
        Assert.Equal(("establishment-registration", "business-licence", licenceId),
            (Text(resultView, "matter"), Text(resultView, "licenceType"), Text(resultView, "licenceId")));

        // Now in parallel: the seal waits in the police queue with its deadline; tax and bank pass their rules at
        // once; employer insurance and the housing fund are approved by the departments' own systems over the bus.
        var sealTask = Assert.Single(await OpenTasksAsync(_journeys, Clerk("police"), number));
        Assert.Equal("seal-engraving", Text(sealTask, "matter"));
        Assert.NotNull(Text(sealTask, "dueAt"));
        await _journeys.WaitForMatterAsync(Founder, number, "employer-insurance-registration", "Approved");
        var decided = await _journeys.WaitForMatterAsync(Founder, number, "housing-fund-registration", "Approved");
        Assert.Equal("InProgress", Status(decided));
        Assert.Equal("business-tax-from-licence", Text(AssertDecided(decided, "tax-registration", "Rule", null), "rule"));
        Assert.Equal("business-bank-appointment", Text(AssertDecided(decided, "bank-account-appointment", "Rule", null), "rule"));
        AssertDecided(decided, "employer-insurance-registration", "System", "hrss-system");
        AssertDecided(decided, "housing-fund-registration", "System", "housing-fund-system");
        Assert.Empty(await OpenTasksAsync(_journeys, Clerk("tax"), number));

        // Dependency order: each started (or was decided) only once the registration was approved.
        var registeredAt = Instant(registration, "decidedAt");
        var registered = Position(decided, "MatterApproved", "establishment-registration");
        foreach (var matter in AfterRegistration)
        {
            var view = JourneyClient.Matter(decided, matter);
            Assert.True(Instant(view, Text(view, "clockStartedAt") is null ? "decidedAt" : "clockStartedAt") >= registeredAt, $"{matter} began after registration");
        }

        Assert.True(registered < Position(decided, "MatterStarted", "seal-engraving"));
        Assert.True(registered < Position(decided, "MatterApproved", "tax-registration"));
        Assert.True(registered < Position(decided, "MatterStarted", "housing-fund-registration"));

        await _journeys.ApproveAsync(Clerk("police"), number, "seal-engraving");
        var completed = await _journeys.WaitForCaseAsync(Founder, number, "Completed");
        Assert.All(completed.GetProperty("matters").EnumerateArray(), m => Assert.Equal("Approved", Text(m, "status")));
        AssertDecided(completed, "seal-engraving", "Clerk", "菏泽市公安局·经办人");
        Assert.NotNull(Text(completed, "closedAt"));
        Assert.Equal("Completed", Text(completed.GetProperty("timeline").EnumerateArray().Last(), "kind"));
        Assert.Empty(await OpenTasksAsync(_journeys, Clerk("police"), number));
        Assert.Equal(LicenceStatus.Valid, (await Library.GetAsync(licenceId))!.Status);
    }

    /// <summary>Asserts a matter approved by the given kind of decider (and, when named, by whom); returns its view.</summary>
    private static JsonElement AssertDecided(JsonElement @case, string matter, string decider, string? decidedBy)
    {
        var view = JourneyClient.Matter(@case, matter);
        Assert.Equal(("Approved", decider), (Text(view, "status"), Text(view, "decider")));
        Assert.NotNull(Text(view, "decidedAt"));
        if (decidedBy is not null)
        {
            Assert.Equal(decidedBy, Text(view, "decidedBy"));
        }

        return view;
    }
}
