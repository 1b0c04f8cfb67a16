using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneThing.UnitTests.Journeys.StandIns;
using OneThing.UnitTests.Workflows;
using OneThing.Workflows.Runtime;

namespace OneThing.UnitTests.Journeys;

/// <summary>One journey instance on the runtime harness, started with a case input and decided through its bookmarks.</summary>
internal sealed class JourneyRun : IAsyncDisposable
{
    public const string Clerk = "clerk";

    private JourneyRun(WorkflowHarness harness, Guid instanceId)
    {
        Harness = harness;
        InstanceId = instanceId;
    }

    public WorkflowHarness Harness { get; }

    public Guid InstanceId { get; }

    public static async Task<JourneyRun> StartAsync(string code, JsonObject input)
    {
        var harness = new WorkflowHarness(activities => activities.AddJourneyActivities());
        await harness.PublishAsync(JourneyFiles.Load(code));
        var instance = await harness.WithAsync((runtime, _) => runtime.StartAsync(code, input, "applicant"));
        return new JourneyRun(harness, instance.Id);
    }

    /// <summary>Activities waiting for a decision, sorted by id.</summary>
    public Task<List<string>> WaitingAsync() => Harness.QueryAsync(db => db.Set<WorkflowBookmark>()
        .Where(b => b.InstanceId == InstanceId && b.ClosedAt == null && b.Name == JourneyActivities.DecisionBookmark)
        .Select(b => b.ActivityId).OrderBy(a => a).ToListAsync());

    public async Task DecideAsync(string activity, string outcome)
    {
        var bookmark = await Harness.QueryAsync(db => db.Set<WorkflowBookmark>()
            .SingleAsync(b => b.InstanceId == InstanceId && b.ClosedAt == null && b.ActivityId == activity));
        Assert.Equal(ResumeResult.Resumed, await Harness.WithAsync((runtime, _) => runtime.ResumeAsync(bookmark.Id, outcome, null, Clerk)));
    }

    /// <summary>Accepts and approves whatever waits until nothing does.</summary>
    public async Task ApproveAllAsync()
    {
        while (await WaitingAsync() is [var activity, ..])
        {
            await DecideAsync(activity, activity == "acceptance" ? "Accepted" : "Approved");
        }
    }

    public async Task<(InstanceStatus Status, Dictionary<string, JsonNode?> Variables)> StateAsync()
    {
        var instance = await Harness.QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync(i => i.Id == InstanceId));
        var variables = JsonNode.Parse(instance.State)!["variables"]!.AsObject();
        return (instance.Status, variables.ToDictionary(p => p.Key, p => p.Value?.DeepClone()));
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
