using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneThing.UnitTests.Journeys.StandIns;
using OneThing.UnitTests.Workflows;
using OneThing.Workflows.Runtime;

namespace OneThing.UnitTests.Journeys;

/// <summary>
/// The journey files run through the real workflow runtime with stand-ins of the domain activities
/// (<see cref="JourneyActivities"/>), started with the sample cases: matters open when what they depend
/// on is approved, instant rules decide when they hold, a rejection ends the case, a withdrawal revokes.
/// </summary>
public sealed class JourneyRunTests
{
    /// <summary>
    /// Approves, wave after wave, every acceptance and matter that waits for a clerk, and checks which ones
    /// wait at each wave (space-separated, sorted; waves separated by <c>|</c>). Matters missing from the
    /// waves were decided by their instant rules or not requested.
    /// </summary>
    [Theory]
    [InlineData("newborn", null, null, "birth-certificate maternity-allowance vaccination-certificate | household-registration | insurance-payment social-security-card")]
    [InlineData("newborn", "/licences/marriage-certificate", null, "acceptance | birth-certificate maternity-allowance vaccination-certificate | household-registration | insurance-payment social-security-card")]
    [InlineData("retirement", null, null, "acceptance | retirement-qualification | pension-assessment")]
    [InlineData("retirement", "/form/employee/insuredSince", "\"2010-01-01\"", "acceptance | retirement-qualification | pension-assessment | medical-insurance-retirement")]
    [InlineData("business-startup", null, null, "acceptance | establishment-registration | employer-insurance-registration housing-fund-registration seal-engraving")]
    [InlineData("business-startup", "/form/company/name", "\"中国菏泽智汇信息科技有限公司\"", "acceptance | name-declaration | establishment-registration | employer-insurance-registration housing-fund-registration seal-engraving")]
    [InlineData("business-startup", "/form/company/type", "\"股份有限公司（非上市、自然人投资或控股）\"", "acceptance | name-declaration | establishment-registration | employer-insurance-registration housing-fund-registration seal-engraving")]
    [InlineData("property-transfer", null, null, "acceptance | contract-filing | tax-assessment | registration | broadband-transfer")]
    [InlineData("property-transfer", "/form/utilities", null, "acceptance | contract-filing | tax-assessment | registration")]
    public async Task Approving_what_waits_wave_by_wave_completes_the_case(string code, string? pointer, string? value, string waves)
    {
        var input = JourneyFiles.SampleCase(code);
        if (pointer is not null)
        {
            JourneyFiles.Set(input, pointer, value is null ? null : JsonNode.Parse(value));
        }

        await using var run = await JourneyRun.StartAsync(code, input);
        foreach (var wave in waves.Split('|', StringSplitOptions.TrimEntries))
        {
            var waiting = await run.WaitingAsync();
            Assert.Equal(wave, string.Join(' ', waiting));
            foreach (var activity in waiting)
            {
                await run.DecideAsync(activity, activity == "acceptance" ? "Accepted" : "Approved");
            }
        }

        Assert.Empty(await run.WaitingAsync());
        var (status, variables) = await run.StateAsync();
        Assert.Equal(InstanceStatus.Completed, status);
        Assert.Equal("Completed", variables["caseStatus"]!.GetValue<string>());
        Assert.Equal(0, await run.Harness.QueryAsync(db => db.Set<WorkflowIncident>().CountAsync()));

        // Every matter was decided by a clerk (a wave), by its instant rule, or was not requested.
        var definition = JourneyFiles.Load(code);
        var decided = variables["matters"]!.AsObject();
        var byClerk = waves.Split([' ', '|'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        foreach (var matter in definition.OfType("Matter"))
        {
            if (decided[matter.Id] is not { } decision)
            {
                Assert.Equal("NotRequested", variables[matter.Id.Replace("-transfer", "Transfer", StringComparison.Ordinal)]?.GetValue<string>());
                continue;
            }

            Assert.Equal("Approved", decision["outcome"]!.GetValue<string>());
            var expected = byClerk.Contains(matter.Id) ? JourneyRun.Clerk : matter.Inputs["instantRule"]!["id"]!.GetValue<string>();
            Assert.Equal(expected, decision["decider"]!.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(JourneyFiles.All), MemberType = typeof(JourneyFiles))]
    public async Task Licences_issued_on_the_way_carry_the_library_fields(string code)
    {
        await using var run = await JourneyRun.StartAsync(code, JourneyFiles.SampleCase(code));
        await run.ApproveAllAsync();
        var (_, variables) = await run.StateAsync();
        foreach (var matter in JourneyFiles.Load(code).OfType("Matter").Where(m => m.Inputs["produces"] is not null))
        {
            var produces = matter.Inputs["produces"]!;
            var issued = variables["issued"]![matter.Id]!;
            Assert.Equal(produces["licenceType"]!.GetValue<string>(), issued["licenceType"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(issued["holder"]?.GetValue<string>()), $"{code} {matter.Id}: holder");
            Assert.False(string.IsNullOrWhiteSpace(issued["holderName"]?.GetValue<string>()), $"{code} {matter.Id}: holderName");
            var data = issued["data"]!.AsObject();
            Assert.NotEmpty(data);
            if (JourneyFiles.LicenceFields.TryGetValue(issued["licenceType"]!.GetValue<string>(), out var fields))
            {
                Assert.Equal(fields.Order(), data.Select(p => p.Key).Order());
            }
        }
    }

    [Fact]
    public async Task Newborn_joins_the_household_as_the_heads_son_in_a_register_that_supersedes_the_old_one()
    {
        await using var run = await JourneyRun.StartAsync("newborn", JourneyFiles.SampleCase("newborn"));
        await run.ApproveAllAsync();
        var (_, variables) = await run.StateAsync();

        var register = variables["issued"]!["household-registration"]!;
        Assert.Equal("371702199003071231", register["holder"]!.GetValue<string>());
        Assert.True(register["supersedesCurrent"]!.GetValue<bool>());
        var members = register["data"]!["members"]!.AsArray();
        Assert.Equal(["张伟", "李娜", "张子涵"], members.Select(m => m!["name"]!.GetValue<string>()));
        Assert.Equal("子", members[2]!["relation"]!.GetValue<string>());

        var birth = variables["issued"]!["birth-certificate"]!;
        Assert.Equal("371702199205152240", birth["holder"]!.GetValue<string>());
        Assert.Equal("张子涵", birth["holderName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Business_licence_is_held_by_the_credit_code_the_registration_assigned()
    {
        await using var run = await JourneyRun.StartAsync("business-startup", JourneyFiles.SampleCase("business-startup"));
        await run.ApproveAllAsync();
        var licence = (await run.StateAsync()).Variables["issued"]!["establishment-registration"]!;

        Assert.Equal(JourneyActivities.AssignedCreditCode, licence["holder"]!.GetValue<string>());
        Assert.Equal(JourneyActivities.AssignedCreditCode, licence["data"]!["creditCode"]!.GetValue<string>());
        Assert.Equal("菏泽智汇信息科技有限公司", licence["holderName"]!.GetValue<string>());
        Assert.Equal("2026-01-01", licence["data"]!["establishedOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Property_certificate_goes_to_the_buyer_for_the_sellers_unit()
    {
        await using var run = await JourneyRun.StartAsync("property-transfer", JourneyFiles.SampleCase("property-transfer"));
        await run.ApproveAllAsync();
        var certificate = (await run.StateAsync()).Variables["issued"]!["registration"]!;

        Assert.Equal("371703198508123019", certificate["holder"]!.GetValue<string>());
        Assert.False(certificate["supersedesCurrent"]!.GetValue<bool>());
        Assert.Equal("刘洋", certificate["data"]!["owner"]!.GetValue<string>());
        Assert.Equal("371721003001GB00123F00020301", certificate["data"]!["unitNumber"]!.GetValue<string>());
        Assert.StartsWith("鲁(2026)", certificate["data"]!["certificateNumber"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_matter_rejects_the_whole_case_and_stops_the_other_matters()
    {
        await using var run = await JourneyRun.StartAsync("newborn", JourneyFiles.SampleCase("newborn"));
        await run.DecideAsync("birth-certificate", "Approved");
        Assert.Equal(["household-registration", "maternity-allowance", "vaccination-certificate"], await run.WaitingAsync());

        await run.DecideAsync("household-registration", "Rejected");

        Assert.Empty(await run.WaitingAsync());
        var (status, variables) = await run.StateAsync();
        Assert.Equal(InstanceStatus.Completed, status);
        Assert.Equal("Rejected", variables["caseStatus"]!.GetValue<string>());
        Assert.Contains("household-registration", variables["rejectReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(variables.GetValueOrDefault("revoked"));
    }

    [Fact]
    public async Task Rejection_at_acceptance_is_a_refusal_to_accept()
    {
        await using var run = await JourneyRun.StartAsync("property-transfer", JourneyFiles.SampleCase("property-transfer"));
        await run.DecideAsync("acceptance", "Rejected");

        var (_, variables) = await run.StateAsync();
        Assert.Equal("Rejected", variables["caseStatus"]!.GetValue<string>());
        Assert.Equal("不予受理 / Not accepted", variables["rejectReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Withdrawing_after_acceptance_revokes_what_the_departments_did_newest_first()
    {
        await using var run = await JourneyRun.StartAsync("business-startup", JourneyFiles.SampleCase("business-startup"));
        await run.DecideAsync("acceptance", "Accepted");
        await run.DecideAsync("establishment-registration", "Approved");
        await run.DecideAsync("seal-engraving", "Approved");

        await run.Harness.WithAsync((runtime, _) => runtime.CancelAsync(run.InstanceId, "申请人撤回 / withdrawn by the applicant", "applicant"));

        var (status, variables) = await run.StateAsync();
        Assert.Equal(InstanceStatus.Cancelled, status);
        Assert.Equal(
            ["seal-engraving", "bank-account-appointment", "tax-registration", "establishment-registration", "name-declaration"],
            variables["revoked"]!.AsArray().Select(m => m!.GetValue<string>()));
    }
}
