using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Host.Auditing;

namespace OneThing.FunctionalTests.Auditing;

/// <summary>
/// Two host nodes on one database write events at the same time while both chain: the trail is still one unbroken
/// chain with every event in it exactly once — no in-process lock is involved, only the chain head's row lock.
/// </summary>
public sealed class AuditConcurrencyTests(PlatformFixture platform) : PlatformTest(platform)
{
    [Fact]
    public async Task Two_nodes_writing_and_chaining_at_once_produce_one_unbroken_chain()
    {
        var settings = Platform.Settings();
        settings["Audit:ChainInterval"] = "00:00:00.050";
        settings["Audit:ChainBatchSize"] = "7";
        settings["Audit:NodeName"] = "second-node";
        await using var second = new OneThingAppFactory(settings);
        _ = second.Server;

        async Task WriteAsync(IServiceProvider services, string node, int writer)
        {
            var trail = services.GetRequiredService<AuditTrail>();
            var chainer = services.GetRequiredService<AuditChainer>();
            for (var i = 0; i < 40; i++)
            {
                var e = trail.Event(AuditActions.PersonalDataRead, $"test:{node}:{writer}:{i}", purpose: "concurrency test", actor: new AuditActor($"{node}-{writer}", "test"));
                await trail.WriteAsync(e);
                if (i % 10 == 0)
                {
                    await chainer.ChainAsync();
                }
            }
        }

        var writers = Enumerable.Range(0, 4).SelectMany(w => new[]
        {
            Task.Run(() => WriteAsync(Platform.Factory.Services, "first", w)),
            Task.Run(() => WriteAsync(second.Services, "second", w)),
        });
        await Task.WhenAll(writers);

        using var auditor = await Platform.Factory.CreateApiClient().AuthorizeAsync("auditor");
        var verification = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
        Assert.Equal(0, verification.GetProperty("unchained").GetInt64());

        // Every chained event has its own sequence number and none is missing: 1…max, each once.
        Assert.True(await AuditDatabase.ScalarAsync<bool>(Platform,
            "SELECT count(DISTINCT \"Sequence\") = max(\"Sequence\") AND count(\"Sequence\") = max(\"Sequence\") FROM \"AuditEvents\""));
        Assert.Equal(320, await AuditDatabase.ScalarAsync<long>(Platform,
            "SELECT count(*) FROM \"AuditEvents\" WHERE \"Purpose\" = 'concurrency test' AND \"Sequence\" IS NOT NULL"));
        var chainers = await AuditDatabase.ScalarAsync<string>(Platform, "SELECT \"ChainedBy\" FROM \"AuditChainHeads\"");
        Assert.False(string.IsNullOrEmpty(chainers));
    }
}
