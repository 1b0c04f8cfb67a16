using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Host.Cases.Identifiers;
using OneThing.Integrations.Licences;
using OneThing.Integrations.OutsideSystems;
using static OneThing.FunctionalTests.Integrations.SandboxPeople;

namespace OneThing.FunctionalTests.Integrations;

/// <summary>
/// <see cref="ILicenceLibrary"/> as the host resolves it, against the sandbox licence library over real HTTP
/// (its own Kestrel server on a free port), with the demo licences on PostgreSQL.
/// </summary>
public sealed class LicenceLibraryTests(PlatformFixture platform) : PlatformTest(platform)
{
    private ILicenceLibrary Library => Platform.Factory.Services.GetRequiredService<ILicenceLibrary>();

    [Fact]
    public async Task The_sandbox_library_listens_on_a_real_loopback_port_the_adapter_uses()
    {
        var address = Platform.Factory.Services.GetRequiredService<IOutsideSystemAddresses>().Find(OutsideSystem.LicenceLibrary);

        Assert.NotNull(address);
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.EndsWith("/licence-library/v1/", address.AbsolutePath, StringComparison.Ordinal);

        // A plain socket client, not the test server's in-memory handler, reaches it.
        using var http = new HttpClient();
        var licences = await http.GetFromJsonAsync<JsonArray>(new Uri(address, $"holders/{ZhangWei}/licences"));
        Assert.Contains(licences!, l => l!["type"]!.GetValue<string>() == "id-card");
    }

    [Fact]
    public async Task A_holder_lists_their_licences_and_the_household_register_that_lists_them()
    {
        var zhangWei = await Library.ListAsync(ZhangWei);
        Assert.Equal(["household-register", "id-card", "marriage-certificate"], zhangWei.Select(l => l.Type));
        var idCard = zhangWei.Single(l => l.Type == "id-card");
        Assert.Equal("张伟", idCard.Data["name"]!.GetValue<string>());
        Assert.Equal("居民身份证", idCard.TypeName);
        Assert.Equal(new DateOnly(2036, 5, 12), idCard.ValidUntil);
        foreach (var licence in zhangWei)
        {
            Assert.True(LicenceIdentifier.TryParse(licence.Id, out _, out var error), error?.Message);
            Assert.Equal(LicenceHash.Compute(licence), licence.Sha256);
        }

        // 李娜 holds her own ID card and marriage certificate and finds the household register her husband heads.
        var liNa = await Library.ListAsync(LiNa);
        var household = liNa.Single(l => l.Type == "household-register");
        Assert.Equal(ZhangWei, household.HolderId);
        Assert.Equal(household.Id, zhangWei.Single(l => l.Type == "household-register").Id);
        Assert.Equal(ZhangWei, liNa.Single(l => l.Type == "marriage-certificate").Data["spouseIdNumber"]!.GetValue<string>());

        // Listing is not use: nothing is recorded.
        Assert.Empty(await Library.ListPullsAsync(ZhangWei));
    }

    [Fact]
    public async Task A_pull_returns_the_licence_and_is_recorded_with_the_case_and_purpose()
    {
        var caseNumber = NewCaseNumber();

        var result = await Library.PullAsync(new LicencePullRequest(ZhangWei, "id-card", caseNumber, "新生儿出生一件事：父亲身份证", "user-zhangwei"));

        Assert.Equal(LicencePullOutcome.Ok, result.Outcome);
        Assert.Null(result.Message);
        Assert.Equal(ZhangWei, result.Licence!.Data["idNumber"]!.GetValue<string>());
        Assert.Equal(LicenceHash.Compute(result.Licence), result.Licence.Sha256);

        var history = await Library.ListPullsAsync(ZhangWei);
        var pull = Assert.Single(history);
        Assert.Equal(result.PullId, pull.PullId);
        Assert.Equal(caseNumber, pull.CaseNumber);
        Assert.Equal("新生儿出生一件事：父亲身份证", pull.Purpose);
        Assert.Equal("user-zhangwei", pull.Requester);
        Assert.Equal(LicencePullOutcome.Ok, pull.Outcome);
        Assert.Equal(result.Licence.Id, pull.LicenceId);
        Assert.Equal(result.Licence.Sha256, pull.LicenceSha256);
        Assert.Empty(await Library.ListPullsAsync(ZhangWei, NewCaseNumber()));

        // The same history over the library's own HTTP API, by case number.
        var address = Platform.Factory.Services.GetRequiredService<IOutsideSystemAddresses>().Find(OutsideSystem.LicenceLibrary)!;
        using var http = new HttpClient();
        var byCase = await http.GetFromJsonAsync<JsonArray>(new Uri(address, $"pulls?caseNumber={caseNumber}"));
        Assert.Equal("新生儿出生一件事：父亲身份证", Assert.Single(byCase!)!["purpose"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_member_pulling_a_household_register_gets_the_register_they_belong_to()
    {
        var result = await Library.PullAsync(new LicencePullRequest(LiNa, "household-register", NewCaseNumber(), "新生儿落户", "user-lina"));

        Assert.Equal(LicencePullOutcome.Ok, result.Outcome);
        Assert.Equal("张伟", result.Licence!.Data["headName"]!.GetValue<string>());
        Assert.Contains(result.Licence.Data["members"]!.AsArray(), m => m!["idNumber"]!.GetValue<string>() == LiNa && m["relation"]!.GetValue<string>() == "妻");
    }

    [Fact]
    public async Task Revoked_and_expired_id_cards_are_refused_with_a_message_naming_the_licence()
    {
        var caseNumber = NewCaseNumber();

        var revoked = await Library.PullAsync(new LicencePullRequest(SunLi, "id-card", caseNumber, "身份核验", "user-sunli"));
        Assert.Equal(LicencePullOutcome.Revoked, revoked.Outcome);
        Assert.Equal(LicenceStatus.Revoked, revoked.Licence!.Status);
        Assert.Contains($"居民身份证（{revoked.Licence.Id}）已于2026-01-10注销", revoked.Message, StringComparison.Ordinal);
        Assert.Contains($"The resident ID card ({revoked.Licence.Id}) was revoked on 2026-01-10", revoked.Message, StringComparison.Ordinal);

        var expired = await Library.PullAsync(new LicencePullRequest(ChenJing, "id-card", caseNumber, "身份核验", "user-chenjing"));
        Assert.Equal(LicencePullOutcome.Expired, expired.Outcome);
        Assert.Contains($"居民身份证（{expired.Licence!.Id}）已于2025-06-30到期", expired.Message, StringComparison.Ordinal);
        Assert.Contains($"({expired.Licence.Id}) expired on 2025-06-30", expired.Message, StringComparison.Ordinal);

        // Refused pulls are part of the holder's history too.
        Assert.Equal(LicencePullOutcome.Revoked, Assert.Single(await Library.ListPullsAsync(SunLi, caseNumber)).Outcome);
        Assert.Equal(expired.Licence.Id, Assert.Single(await Library.ListPullsAsync(ChenJing)).LicenceId);
    }

    [Fact]
    public async Task A_type_the_holder_does_not_hold_is_not_found_and_the_attempt_is_recorded()
    {
        var result = await Library.PullAsync(new LicencePullRequest(LiuYang, "marriage-certificate", NewCaseNumber(), "不动产登记：婚姻状况", "user-liuyang"));

        Assert.Equal(LicencePullOutcome.NotFound, result.Outcome);
        Assert.Null(result.Licence);
        Assert.Contains("结婚证", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LiuYang, result.Message, StringComparison.Ordinal); // the ID number is masked
        var pull = Assert.Single(await Library.ListPullsAsync(LiuYang));
        Assert.Equal(LicencePullOutcome.NotFound, pull.Outcome);
        Assert.Null(pull.LicenceId);
    }

    [Fact]
    public async Task Issuing_is_idempotent_per_key_and_a_new_edition_supersedes_the_current_licence()
    {
        var holder = NewResident();
        var first = Household(holder, "王五", members: 1);
        var key = $"issue-{Guid.NewGuid()}";

        var issued = await Library.IssueAsync(first, key);
        var repeated = await Library.IssueAsync(first, key);

        Assert.Equal(issued.Id, repeated.Id);
        Assert.True(LicenceIdentifier.TryParse(issued.Id, out var id, out var error), error?.Message);
        Assert.Equal("11100000000013338W002", id!.TypeCode);
        Assert.Equal(MudanPolice, id.IssuerCode);
        Assert.Equal(1, id.Version);
        Assert.Equal(LicenceStatus.Valid, issued.Status);
        Assert.Equal(LicenceHash.Compute(issued), issued.Sha256);
        Assert.Single(await Library.ListAsync(holder));

        // The same key for another request is refused, not silently answered with the first licence.
        var reused = await Assert.ThrowsAsync<OutsideSystemRefusalException>(() => Library.IssueAsync(Household(NewResident(), "赵六", 1), key));
        Assert.Equal(409, reused.Status);
        Assert.Equal("idempotency_key_reused", reused.Code);

        // A newborn joins the household: a new edition of the register (same serial, next version) replaces it.
        var updated = await Library.IssueAsync(Household(holder, "王五", members: 2) with { SupersedesCurrent = true }, $"issue-{Guid.NewGuid()}");
        Assert.True(LicenceIdentifier.TryParse(updated.Id, out var updatedId, out _));
        Assert.Equal((id.Serial, 2), (updatedId!.Serial, updatedId.Version));

        var licences = await Library.ListAsync(holder);
        Assert.Equal(LicenceStatus.Superseded, licences.Single(l => l.Id == issued.Id).Status);
        Assert.Equal(LicenceStatus.Valid, licences.Single(l => l.Id == updated.Id).Status);
        var pulled = await Library.PullAsync(new LicencePullRequest(holder, "household-register", NewCaseNumber(), "落户", "user-x"));
        Assert.Equal((LicencePullOutcome.Ok, updated.Id), (pulled.Outcome, pulled.Licence!.Id));
        Assert.Equal(2, pulled.Licence.Data["members"]!.AsArray().Count);
    }

    [Fact]
    public async Task Revoking_makes_a_later_pull_revoked_and_brings_back_the_edition_it_had_replaced()
    {
        var holder = NewResident();
        var original = await Library.IssueAsync(Household(holder, "王五", members: 1), $"issue-{Guid.NewGuid()}");
        var replacement = await Library.IssueAsync(Household(holder, "王五", members: 2) with { SupersedesCurrent = true }, $"issue-{Guid.NewGuid()}");

        // The case that produced the replacement is withdrawn: its register is revoked, the old one is current again.
        var revokeKey = $"revoke-{Guid.NewGuid()}";
        await Library.RevokeAsync(replacement.Id, "办件撤回", revokeKey);
        await Library.RevokeAsync(replacement.Id, "办件撤回", revokeKey);
        var licences = await Library.ListAsync(holder);
        Assert.Equal(LicenceStatus.Revoked, licences.Single(l => l.Id == replacement.Id).Status);
        Assert.Equal(LicenceStatus.Valid, licences.Single(l => l.Id == original.Id).Status);
        var current = await Library.PullAsync(new LicencePullRequest(holder, "household-register", NewCaseNumber(), "落户", "user-x"));
        Assert.Equal((LicencePullOutcome.Ok, original.Id), (current.Outcome, current.Licence!.Id));

        // With nothing left to fall back on, a pull names the revoked licence; revoking it again is no error.
        await Library.RevokeAsync(original.Id, "户口迁出", $"revoke-{Guid.NewGuid()}");
        await Library.RevokeAsync(original.Id, "户口迁出", $"revoke-{Guid.NewGuid()}");
        var refused = await Library.PullAsync(new LicencePullRequest(holder, "household-register", NewCaseNumber(), "落户", "user-x"));
        Assert.Equal(LicencePullOutcome.Revoked, refused.Outcome);
        Assert.Contains(replacement.Id, refused.Message, StringComparison.Ordinal);

        var unknown = await Assert.ThrowsAsync<OutsideSystemRefusalException>(() =>
            Library.RevokeAsync(LicenceIdentifier.Create("11100000000013338W002", MudanPolice, "209901010001", 1).Value, "测试", $"revoke-{Guid.NewGuid()}"));
        Assert.Equal((404, "licence_not_found"), (unknown.Status, unknown.Code));
    }

    [Fact]
    public async Task A_licence_for_an_invalid_holder_is_refused_with_field_errors()
    {
        var refusal = await Assert.ThrowsAsync<OutsideSystemRefusalException>(() =>
            Library.IssueAsync(Household("371702199003071232", "错号", 1), $"issue-{Guid.NewGuid()}"));

        Assert.Equal((422, "invalid_request"), (refusal.Status, refusal.Code));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (HttpStatusCode)refusal.Status);
    }

    /// <summary>A household register headed by <paramref name="holder"/> with a spouse and, for two members, a child.</summary>
    private static LicenceIssueRequest Household(string holder, string name, int members)
    {
        var list = new JsonArray(new JsonObject { ["name"] = name, ["idNumber"] = holder, ["relation"] = "户主", ["sex"] = "男", ["birthDate"] = "1988-01-01" });
        if (members > 1)
        {
            list.Add(new JsonObject { ["name"] = "王小五", ["idNumber"] = null, ["relation"] = "子", ["sex"] = "男", ["birthDate"] = "2026-11-20" });
        }

        var data = new JsonObject
        {
            ["householdNumber"] = "371702099001",
            ["headName"] = name,
            ["headIdNumber"] = holder,
            ["address"] = "山东省菏泽市牡丹区人民路8号",
            ["registrationAuthority"] = "菏泽市公安局牡丹分局中华路派出所",
            ["members"] = list,
        };
        return new LicenceIssueRequest("household-register", holder, name, MudanPolice, "菏泽市公安局牡丹分局", null, data, NewCaseNumber());
    }
}
