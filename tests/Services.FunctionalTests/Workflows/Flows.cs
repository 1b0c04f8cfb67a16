using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Workflows.Definitions;
using OneThing.Workflows.Runtime;

namespace OneThing.FunctionalTests.Workflows;

/// <summary>Small definitions the runtime tests run, each under a fresh id so tests never share one.</summary>
public static class Flows
{
    /// <summary>Fork into <paramref name="branches"/> human tasks for department <c>police</c>, join (WaitAll), end.</summary>
    public static WorkflowDefinition ParallelReview(int branches = 3, string? id = null)
    {
        var tasks = Enumerable.Range(1, branches).Select(i => $$"""{ "id": "review-{{i}}", "type": "HumanTask", "inputs": { "title": "审核 {{i}}", "role": "clerk", "group": "police", "outcomes": ["Approve", "Reject"] } }""");
        var forks = Enumerable.Range(1, branches).Select(i => $$"""{ "source": "fork", "target": "review-{{i}}" }""");
        var joins = Enumerable.Range(1, branches).SelectMany(i => new[]
        {
            $$"""{ "source": "review-{{i}}", "outcome": "Approve", "target": "join" }""",
            $$"""{ "source": "review-{{i}}", "outcome": "Reject", "target": "join" }""",
        });
        return WorkflowJson.Parse($$"""
            {
              "id": "{{id ?? Unique("parallel")}}", "name": "Parallel review",
              "variables": [{ "name": "joined", "default": 0 }],
              "activities": [
                { "id": "start", "type": "Start" }, { "id": "fork", "type": "Fork" },
                {{string.Join(",\n", tasks)}},
                { "id": "join", "type": "Join" },
                { "id": "count", "type": "SetVariable", "inputs": { "variable": "joined", "value": { "js": "variables.joined + 1" } } },
                { "id": "end", "type": "End" }
              ],
              "connections": [
                { "source": "start", "target": "fork" },
                {{string.Join(",\n", forks.Concat(joins))}},
                { "source": "join", "target": "count" }, { "source": "count", "target": "end" }
              ]
            }
            """);
    }

    /// <summary>Start → Delay → End: completes when its durable timer fires.</summary>
    public static WorkflowDefinition Delayed(string duration, string? id = null) => WorkflowJson.Parse($$"""
        {
          "id": "{{id ?? Unique("delayed")}}", "name": "Delayed",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "Delay", "inputs": { "duration": "{{duration}}" } },
            { "id": "end", "type": "End" }
          ],
          "connections": [{ "source": "start", "target": "wait" }, { "source": "wait", "target": "end" }]
        }
        """);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>Stores and publishes a definition in the fixture's database.</summary>
    public static async Task<WorkflowDefinition> PublishAsync(this PlatformFixture platform, WorkflowDefinition definition)
    {
        await using var scope = platform.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        var record = await store.CreateDraftAsync(definition, "test");
        await store.PublishAsync(record);
        return definition with { Version = record.Version };
    }
}
