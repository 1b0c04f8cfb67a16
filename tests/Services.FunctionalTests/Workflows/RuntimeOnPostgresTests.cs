using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneThing.FunctionalTests.Infrastructure;
using OneThing.Workflows.Messages;
using OneThing.Workflows.Runtime;

namespace OneThing.FunctionalTests.Workflows;

/// <summary>The durable runtime on real PostgreSQL and RabbitMQ: concurrency, duplicate and early resumes, timers over the bus.</summary>
public sealed class RuntimeOnPostgresTests(PlatformFixture platform) : PlatformTest(platform)
{
    [Fact]
    public async Task Parallel_branches_resumed_at_the_same_moment_all_take_effect_and_the_join_fires_once()
    {
        var definition = await Platform.PublishAsync(Flows.ParallelReview(branches: 8));
        var instance = await WithRuntimeAsync(runtime => runtime.StartAsync(definition.Id, null, "test"));
        var tasks = await QueryAsync(db => db.Set<WorkflowTask>().Where(t => t.InstanceId == instance.Id).Select(t => t.Id).ToListAsync());
        Assert.Equal(8, tasks.Count);

        // Eight clerks decide at once, each through their own scope and connection.
        using var gate = new SemaphoreSlim(0);
        var decisions = tasks.Select(async (taskId, i) =>
        {
            await gate.WaitAsync();
            return await WithRuntimeAsync(runtime => runtime.CompleteTaskAsync(taskId, i % 2 == 0 ? "Approve" : "Reject", null, $"clerk-{i}"));
        }).ToList();
        gate.Release(tasks.Count);
        var results = await Task.WhenAll(decisions);

        Assert.All(results, r => Assert.Equal(TaskCompletionResult.Completed, r));
        var done = await QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync(i => i.Id == instance.Id));
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Contains("\"joined\":1", done.State);
        var journal = await QueryAsync(db => db.Set<WorkflowJournalEntry>().Where(j => j.InstanceId == instance.Id).ToListAsync());
        Assert.Single(journal, j => j.Event == "Completed" && j.ActivityId == "join");
        Assert.Equal(8, journal.Count(j => j.Event == "Completed" && j.ActivityId!.StartsWith("review-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_same_task_decided_by_five_people_at_once_completes_once()
    {
        var definition = await Platform.PublishAsync(Flows.ParallelReview(branches: 2));
        var instance = await WithRuntimeAsync(runtime => runtime.StartAsync(definition.Id, null, "test"));
        var task = await QueryAsync(db => db.Set<WorkflowTask>().Where(t => t.InstanceId == instance.Id && t.ActivityId == "review-1").Select(t => t.Id).SingleAsync());

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            WithRuntimeAsync(runtime => runtime.CompleteTaskAsync(task, "Approve", null, $"clerk-{i}"))));

        Assert.Single(results, r => r == TaskCompletionResult.Completed);
        Assert.Equal(4, results.Count(r => r == TaskCompletionResult.AlreadyClosed));
        var journal = await QueryAsync(db => db.Set<WorkflowJournalEntry>().Where(j => j.InstanceId == instance.Id && j.ActivityId == "review-1" && j.Event == "Completed").CountAsync());
        Assert.Equal(1, journal);
    }

    [Fact]
    public async Task A_resume_delivered_twice_over_RabbitMQ_takes_effect_once()
    {
        var definition = await Platform.PublishAsync(Flows.ParallelReview(branches: 2));
        var instance = await WithRuntimeAsync(runtime => runtime.StartAsync(definition.Id, null, "test"));
        var bookmark = await QueryAsync(db => db.Set<WorkflowTask>().Where(t => t.InstanceId == instance.Id && t.ActivityId == "review-1").Select(t => t.Id).SingleAsync());

        // A department system answers twice (two distinct messages): the second finds the bookmark closed.
        var bus = Platform.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new ResumeBookmark(bookmark, "Approve", null, "police-system"));
        await bus.Publish(new ResumeBookmark(bookmark, "Reject", null, "police-system"));

        await Eventually.HoldsAsync(() => QueryAsync(db => db.Set<WorkflowBookmark>().AnyAsync(b => b.Id == bookmark && b.ClosedAt != null)), "the bookmark is resumed");
        await Task.Delay(1000); // give the second message time to arrive and be ignored
        var journal = await QueryAsync(db => db.Set<WorkflowJournalEntry>().Where(j => j.InstanceId == instance.Id && j.ActivityId == "review-1").ToListAsync());
        Assert.Single(journal, j => j.Event == "Completed");
        Assert.Single(journal, j => j.Event == "Resumed");

        // The task a department system decided is closed with its decision, not left open in a clerk's queue.
        var task = await QueryAsync(db => db.Set<WorkflowTask>().SingleAsync(t => t.Id == bookmark));
        Assert.Equal(WorkflowTaskStatus.Completed, task.Status);
        Assert.Equal("police-system", task.CompletedBy);
        Assert.Contains(task.Outcome, new[] { "Approve", "Reject" });
    }

    [Fact]
    public async Task A_resume_before_its_bookmark_exists_is_retried_then_dead_lettered_and_can_be_replayed()
    {
        var early = Guid.NewGuid();
        var bus = Platform.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new ResumeBookmark(early, "Approve", null, "police-system"));

        // The endpoint retries (100 ms, 0.5 s, 2 s, 10 s), then MassTransit faults it into our dead letters.
        await Eventually.HoldsAsync(() => QueryAsync(db => db.Set<WorkflowDeadLetter>().AnyAsync(d => d.BookmarkId == early)),
            "the early resume is dead-lettered", TimeSpan.FromSeconds(40));
        var letter = await QueryAsync(db => db.Set<WorkflowDeadLetter>().SingleAsync(d => d.BookmarkId == early));
        Assert.Contains("does not exist", letter.Reason);
        Assert.Equal("Approve", letter.Outcome);

        // Administrators list and replay it through the API; a replay happens once.
        using var admin = await Platform.Factory.CreateApiClient().AuthorizeAsync("admin");
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/instances/dead-letters");
        Assert.Contains(listed.EnumerateArray(), d => d.GetProperty("id").GetGuid() == letter.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/instances/dead-letters/{letter.Id}/replay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/admin/instances/dead-letters/{letter.Id}/replay", null)).StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/instances/dead-letters");
        Assert.DoesNotContain(after.EnumerateArray(), d => d.GetProperty("id").GetGuid() == letter.Id);
        // Bodies are encrypted at rest: compared after reading, not in SQL.
        var bodies = await QueryAsync(db => db.OutboxMessages.Select(m => m.Body).ToListAsync());
        Assert.True(bodies.Any(b => b.Contains(early.ToString(), StringComparison.Ordinal)), "the replay queued the resume again");
    }

    [Fact]
    public async Task A_durable_timer_fires_through_the_bus_and_completes_the_instance()
    {
        var definition = await Platform.PublishAsync(Flows.Delayed("PT1S"));
        var instance = await WithRuntimeAsync(runtime => runtime.StartAsync(definition.Id, null, "test"));
        Assert.True(await QueryAsync(db => db.Set<WorkflowTimer>().AnyAsync(t => t.InstanceId == instance.Id)));

        await Eventually.HoldsAsync(
            async () => (await QueryAsync(db => db.Set<WorkflowInstance>().SingleAsync(i => i.Id == instance.Id))).Status == InstanceStatus.Completed,
            "the delay's timer fires and the instance completes", TimeSpan.FromSeconds(20));
        Assert.False(await QueryAsync(db => db.Set<WorkflowTimer>().AnyAsync(t => t.InstanceId == instance.Id)));
        var resumed = await QueryAsync(db => db.Set<WorkflowJournalEntry>().SingleAsync(j => j.InstanceId == instance.Id && j.Event == "Resumed"));
        Assert.Equal("system:timer", resumed.Actor);
    }

    private async Task<T> WithRuntimeAsync<T>(Func<WorkflowRuntime, Task<T>> action)
    {
        await using var scope = Platform.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>());
    }

    private async Task<T> QueryAsync<T>(Func<OneThing.Host.Persistence.AppDbContext, Task<T>> query)
    {
        await using var scope = Platform.CreateScope();
        return await query(Platform.Db(scope));
    }
}
