using System.Diagnostics;
using OneThing.FunctionalTests.Infrastructure;

namespace OneThing.FunctionalTests.Workflows;

/// <summary>
/// Several host processes on one PostgreSQL database and one RabbitMQ virtual host: work is shared, every
/// instance completes exactly once, and a node killed with SIGKILL mid-run loses nothing and repeats no
/// outside effect (the ledger sees repeated calls with the same idempotency key, never two effects).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ClusterTests(PlatformFixture platform)
{
    private const string DefinitionId = "cluster-flow";

    /// <summary>Start → wait one second on a durable timer → call the outside ledger → end.</summary>
    private static readonly string Flow = $$"""
        {
          "id": "{{DefinitionId}}", "version": 1, "name": "Timer then outside call",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "Delay", "inputs": { "duration": "PT1S" } },
            { "id": "call", "type": "CallEndpoint", "inputs": { "endpoint": "ledger", "path": "effects/register", "body": { "js": "({ at: now })" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "wait" },
            { "source": "wait", "target": "call" },
            { "source": "call", "target": "end" }
          ]
        }
        """;

    [Fact]
    public async Task Two_processes_share_the_work_and_complete_every_instance_exactly_once()
    {
        await using var ledger = await EffectsLedger.StartAsync();
        await using var cluster = await HostCluster.CreateAsync(platform, "ONETHING_TEST_RABBITMQ_ISOLATED_1", ledger.BaseUrl, ("cluster-flow.json", Flow));
        var a = await cluster.StartNodeAsync("node-a");
        var b = await cluster.StartNodeAsync("node-b");

        var instances = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            instances.Add(await cluster.StartInstanceAsync(i % 2 == 0 ? a : b, DefinitionId));
        }

        await Eventually.HoldsAsync(
            async () => await cluster.ScalarAsync<long>("""SELECT count(*) FROM "WorkflowInstances" WHERE "Status" = 'Completed'""") == 40,
            "all 40 instances complete on two nodes", TimeSpan.FromSeconds(90));

        var calls = await cluster.CountsAsync("""SELECT "InstanceId", count(*) FROM "WorkflowJournal" WHERE "ActivityId" = 'call' AND "Event" = 'Completed' GROUP BY "InstanceId" """);
        Assert.Equal(40, calls.Count);
        Assert.All(calls, c => Assert.Equal(1, c.Count));
        Assert.Equal(40, ledger.Effects.Count);
        Assert.Equal(instances.Select(i => i.ToString()).Order(), ledger.Effects.Select(e => e.Instance).Order());
        // Without crashes nothing is repeated at all, and both nodes did some of the work.
        Assert.Equal(40, ledger.Calls);
        Assert.Equal(["node-a", "node-b"], ledger.Effects.Select(e => e.Node).Distinct().Order());
    }

    [Fact]
    public async Task A_node_killed_mid_run_loses_nothing_and_repeats_no_outside_effect()
    {
        await using var ledger = await EffectsLedger.StartAsync();
        ledger.Latency = TimeSpan.FromMilliseconds(150);
        await using var cluster = await HostCluster.CreateAsync(platform, "ONETHING_TEST_RABBITMQ_ISOLATED_2", ledger.BaseUrl, ("cluster-flow.json", Flow));
        var doomed = await cluster.StartNodeAsync("doomed");

        var instances = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            instances.Add(await cluster.StartInstanceAsync(doomed, DefinitionId));
        }

        // Kill -9 while calls are in flight: some effects are applied, others not, some runs uncommitted.
        await Eventually.HoldsAsync(() => Task.FromResult(ledger.Calls >= 8), "the node is in the middle of the work", TimeSpan.FromSeconds(60));
        doomed.Process.Kill();
        var completedAtCrash = await cluster.ScalarAsync<long>("""SELECT count(*) FROM "WorkflowInstances" WHERE "Status" = 'Completed'""");
        Assert.True(completedAtCrash < 30, "the crash happened before everything was done");

        var survivor = await cluster.StartNodeAsync("survivor");
        await Eventually.HoldsAsync(
            async () => await cluster.ScalarAsync<long>("""SELECT count(*) FROM "WorkflowInstances" WHERE "Status" = 'Completed'""") == 30,
            "every instance completes after the restart", TimeSpan.FromSeconds(120));

        var calls = await cluster.CountsAsync("""SELECT "InstanceId", count(*) FROM "WorkflowJournal" WHERE "ActivityId" = 'call' AND "Event" = 'Completed' GROUP BY "InstanceId" """);
        Assert.Equal(30, calls.Count);
        Assert.All(calls, c => Assert.Equal(1, c.Count));

        // One effect per instance, whatever was repeated: a repeated run used the same idempotency key.
        Assert.Equal(30, ledger.Effects.Count);
        Assert.Equal(instances.Select(i => i.ToString()).Order(), ledger.Effects.Select(e => e.Instance).Order());
        Assert.True(ledger.Calls >= ledger.Effects.Count);
        Assert.Contains(ledger.Effects, e => e.Node == "survivor");
        Debug.WriteLine($"crash test: {ledger.Calls} calls for {ledger.Effects.Count} effects; {completedAtCrash} instances had completed at the crash");
        _ = survivor;
    }
}
