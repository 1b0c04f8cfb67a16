using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneThing.Workflows.Definitions;
using OneThing.Workflows.Runtime;

namespace OneThing.UnitTests.Workflows;

/// <summary>
/// The frozen semantics of the runtime (docs/workflows.md): each JSON scenario in Conformance/ holds the
/// definitions it runs and the steps — start, complete a task, advance the clock, cancel, retry — with
/// what must hold after each. Runs through the real runtime and database, with a controllable clock.
/// </summary>
public sealed class ConformanceTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Workflows", "Conformance");

    public static TheoryData<string> Scenarios => new(Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario(string name)
    {
        var scenario = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, name + ".json")))!.AsObject();
        await using var harness = new WorkflowHarness();
        foreach (var definition in scenario["definitions"]!.AsArray())
        {
            await harness.PublishAsync(WorkflowJson.Parse(definition!.ToJsonString()));
        }

        Guid instance = default;
        var lastTask = new Dictionary<string, Guid>();
        var stepNumber = 0;
        foreach (var step in scenario["steps"]!.AsArray().Select(s => s!.AsObject()))
        {
            stepNumber++;
            var (verb, args) = step.Single();
            var where = $"{name} step {stepNumber} ({verb})";
            switch (verb)
            {
                case "start":
                    instance = await harness.WithAsync(async (runtime, _) =>
                        (await runtime.StartAsync(args!["definition"]!.GetValue<string>(), args["input"]?.DeepClone().AsObject(), "applicant")).Id);
                    break;

                case "complete":
                    var activity = args!["activity"]!.GetValue<string>();
                    var again = args["again"]?.GetValue<bool>() == true;
                    // The open task of that activity; if none is open, its latest one (to show a closed task refuses).
                    var taskId = again ? lastTask[activity] : await harness.QueryAsync(db => db.Set<WorkflowTask>()
                        .Where(t => t.ActivityId == activity)
                        .OrderBy(t => t.Status == WorkflowTaskStatus.Open ? 0 : 1).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
                        .Select(t => t.Id).FirstAsync());
                    lastTask[activity] = taskId;
                    var result = await harness.WithAsync((runtime, _) => runtime.CompleteTaskAsync(
                        taskId, args["outcome"]!.GetValue<string>(), args["data"]?.DeepClone().AsObject(), args["actor"]?.GetValue<string>() ?? "clerk"));
                    Assert.True((args["result"]?.GetValue<string>() ?? "Completed") == result.ToString(), $"{where}: task completion was {result}");
                    break;

                case "advance":
                    Assert.True(OneThing.Workflows.Execution.Durations.TryParse(args!.GetValue<string>(), out var by), where);
                    await harness.AdvanceAsync(by);
                    break;

                case "cancel":
                    Assert.True(await harness.WithAsync((runtime, _) => runtime.CancelAsync(instance, args!.GetValue<string>(), "admin")), where);
                    break;

                case "retry":
                    var failed = args!.GetValue<string>();
                    var incident = await harness.QueryAsync(db => db.Set<WorkflowIncident>()
                        .Where(i => i.ActivityId == failed && i.ResolvedAt == null).Select(i => i.Id).SingleAsync());
                    Assert.True(await harness.WithAsync((runtime, _) => runtime.RetryIncidentAsync(incident, "admin")), where);
                    break;

                case "expect":
                    await ExpectAsync(harness, instance, args!.AsObject(), where);
                    break;

                default:
                    throw new InvalidOperationException($"{where}: unknown step '{verb}'.");
            }
        }
    }

    private static async Task ExpectAsync(WorkflowHarness harness, Guid instanceId, JsonObject expect, string where)
    {
        var instance = await harness.QueryAsync(db => db.Set<WorkflowInstance>().AsNoTracking().SingleAsync(i => i.Id == instanceId));
        var journal = await harness.QueryAsync(db => db.Set<WorkflowJournalEntry>().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id)
            .Select(j => j.Event + ":" + (j.ActivityId ?? "")).ToListAsync());
        var state = JsonNode.Parse(instance.State)!.AsObject();

        foreach (var (key, value) in expect)
        {
            switch (key)
            {
                case "status":
                    Assert.True(value!.GetValue<string>() == instance.Status.ToString(), $"{where}: status is {instance.Status}; journal: {string.Join(" ", journal)}");
                    break;

                case "openTasks":
                    var open = await harness.QueryAsync(db => db.Set<WorkflowTask>().Where(t => t.Status == WorkflowTaskStatus.Open).Select(t => t.ActivityId).ToListAsync());
                    Assert.True(Sorted(value!) == string.Join(",", open.Order()), $"{where}: open tasks are [{string.Join(",", open.Order())}]");
                    break;

                case "openIncidents":
                    var incidents = await harness.QueryAsync(db => db.Set<WorkflowIncident>().Where(i => i.ResolvedAt == null).Select(i => i.ActivityId).ToListAsync());
                    Assert.True(Sorted(value!) == string.Join(",", incidents.Order()), $"{where}: open incidents are [{string.Join(",", incidents.Order())}]");
                    break;

                case "timers":
                    var timers = await harness.QueryAsync(db => db.Set<WorkflowTimer>().CountAsync());
                    Assert.True(value!.GetValue<int>() == timers, $"{where}: {timers} timer(s) pending");
                    break;

                case "variables":
                    foreach (var (variable, expected) in value!.AsObject())
                    {
                        var actual = state["variables"]?[variable];
                        Assert.True(JsonNode.DeepEquals(expected, actual), $"{where}: variable {variable} is {actual?.ToJsonString() ?? "null"}, expected {expected?.ToJsonString()}");
                    }

                    break;

                case "output":
                    Assert.True(JsonNode.DeepEquals(value, state["output"]), $"{where}: output is {state["output"]?.ToJsonString()}");
                    break;

                case "journal":
                    // The listed entries appear in this order (others may come between).
                    var position = 0;
                    foreach (var entry in value!.AsArray().Select(e => e!.GetValue<string>()))
                    {
                        var found = journal.IndexOf(entry, position);
                        Assert.True(found >= 0, $"{where}: journal lacks '{entry}' after position {position}: {string.Join(" ", journal)}");
                        position = found + 1;
                    }

                    break;

                case "count":
                    foreach (var (entry, times) in value!.AsObject())
                    {
                        var count = journal.Count(j => j == entry);
                        Assert.True(times!.GetValue<int>() == count, $"{where}: '{entry}' appears {count} time(s): {string.Join(" ", journal)}");
                    }

                    break;

                default:
                    throw new InvalidOperationException($"{where}: unknown expectation '{key}'.");
            }
        }
    }

    private static string Sorted(JsonNode list) => string.Join(",", list.AsArray().Select(n => n!.GetValue<string>()).Order());
}
