using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneThing.Workflows.Definitions;
using OneThing.Workflows.Runtime;

namespace OneThing.UnitTests.Workflows;

public sealed class InstanceMigrationTests
{
    private static WorkflowDefinition Flow(int version, string taskA, string join) => WorkflowJson.Parse($$"""
        {
          "id": "merge", "version": {{version}}, "name": "Merge",
          "activities": [
            { "id": "start", "type": "Start" }, { "id": "fork", "type": "Fork" },
            { "id": "{{taskA}}", "type": "HumanTask", "inputs": { "title": "A", "outcomes": ["Done"] } },
            { "id": "b", "type": "HumanTask", "inputs": { "title": "B", "outcomes": ["Done"] } },
            { "id": "{{join}}", "type": "Join" },
            { "id": "after", "type": "SetVariable", "inputs": { "variable": "version", "value": {{version}} } }
          ],
          "connections": [
            { "source": "start", "target": "fork" },
            { "source": "fork", "target": "{{taskA}}" }, { "source": "fork", "target": "b" },
            { "source": "{{taskA}}", "target": "{{join}}" }, { "source": "b", "target": "{{join}}" },
            { "source": "{{join}}", "target": "after" }
          ]
        }
        """);

    [Fact]
    public async Task An_instance_halfway_through_a_join_moves_to_a_renamed_version_and_finishes_there()
    {
        await using var harness = new WorkflowHarness();
        await harness.PublishAsync(Flow(1, "a", "join"));
        var instance = await harness.WithAsync((runtime, _) => runtime.StartAsync("merge", null, "test"));
        var taskA = await harness.QueryAsync(db => db.Set<WorkflowTask>().Where(t => t.ActivityId == "a").Select(t => t.Id).SingleAsync());
        await harness.WithAsync((runtime, _) => runtime.CompleteTaskAsync(taskA, "Done", null, "clerk"));
        await harness.PublishAsync(Flow(2, "a2", "merge-point"));

        var mapping = new Dictionary<string, string> { ["a"] = "a2", ["join"] = "merge-point" };
        var dryRun = await MigrateAsync(harness, new Dictionary<string, string> { ["a"] = "a2" }, dryRun: true);
        Assert.False(dryRun.Single().Migratable);
        Assert.Contains(dryRun.Single().Problems, p => p.Contains("'join'", StringComparison.Ordinal));

        var report = await MigrateAsync(harness, mapping, dryRun: false);
        Assert.True(report.Single().Migratable);

        var taskB = await harness.QueryAsync(db => db.Set<WorkflowTask>().Where(t => t.ActivityId == "b").Select(t => t.Id).SingleAsync());
        Assert.Equal(TaskCompletionResult.Completed, await harness.WithAsync((runtime, _) => runtime.CompleteTaskAsync(taskB, "Done", null, "clerk")));
        var done = await harness.QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync(i => i.Id == instance.Id));
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal(2, done.DefinitionVersion);
        Assert.Contains("\"version\":2", done.State);
        Assert.True(await harness.QueryAsync(db => db.Set<WorkflowJournalEntry>().AnyAsync(j => j.Event == "Completed" && j.ActivityId == "merge-point")));
    }

    private static Task<IReadOnlyList<MigrationReport>> MigrateAsync(WorkflowHarness harness, Dictionary<string, string> mapping, bool dryRun) =>
        harness.WithAsync(async (_, _) =>
        {
            await using var scope = harness.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<InstanceMigrator>().MigrateAsync(new MigrationRequest("merge", 1, 2, mapping, dryRun), "admin");
        });
}
