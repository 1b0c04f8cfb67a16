using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OneThing.Workflows;
using OneThing.Workflows.Activities;
using OneThing.Workflows.Definitions;
using OneThing.Workflows.Messages;
using OneThing.Workflows.Messaging;
using OneThing.Workflows.Runtime;

namespace OneThing.UnitTests.Workflows;

/// <summary>
/// The workflow runtime as a library, the way any host would use it, on its own small model in an
/// in-memory SQLite database, with a controllable clock. The bus is replaced by <see cref="PumpAsync"/>,
/// which delivers the outbox's workflow messages in order (unit tests only; the functional tests use RabbitMQ).
/// </summary>
public sealed class WorkflowHarness : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ServiceProvider _services;

    public WorkflowHarness(Action<ActivityRegistry>? activities = null)
    {
        _connection.Open();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddDbContext<HarnessDbContext>(o => o.UseSqlite(_connection));
        services.AddScoped(sp => new DbContextAccessor(sp.GetRequiredService<HarnessDbContext>()));
        services.AddWorkflows(activities);
        _services = services.BuildServiceProvider();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<HarnessDbContext>().Database.EnsureCreated();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => _services;

    public async Task PublishAsync(WorkflowDefinition definition)
    {
        await using var scope = _services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        var draft = await store.CreateDraftAsync(definition, "test");
        await store.PublishAsync(draft);
    }

    public async Task<T> WithAsync<T>(Func<WorkflowRuntime, HarnessDbContext, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await action(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>(), scope.ServiceProvider.GetRequiredService<HarnessDbContext>());
        await PumpAsync();
        return result;
    }

    public Task<T> QueryAsync<T>(Func<HarnessDbContext, Task<T>> query) =>
        WithScopeAsync(scope => query(scope.ServiceProvider.GetRequiredService<HarnessDbContext>()));

    /// <summary>Moves the clock and fires every timer that is due, as the timer dispatcher would.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await WithScopeAsync(async scope =>
        {
            await scope.ServiceProvider.GetRequiredService<TimerDispatcher>().DispatchDueAsync();
            return 0;
        });
        await PumpAsync();
    }

    /// <summary>Delivers queued workflow messages (resumes, child starts and cancellations) until none is left.</summary>
    public async Task PumpAsync()
    {
        for (var round = 0; round < 100; round++)
        {
            var pending = await QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.DispatchedAt == null).OrderBy(m => m.Id).ToListAsync());
            if (pending.Count == 0)
            {
                return;
            }

            foreach (var message in pending)
            {
                await WithScopeAsync(async scope =>
                {
                    var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
                    var db = scope.ServiceProvider.GetRequiredService<HarnessDbContext>();
                    switch (message.MessageType)
                    {
                        case var t when t == typeof(ResumeBookmark).FullName:
                            var resume = JsonSerializer.Deserialize<ResumeBookmark>(message.Body, JsonSerializerOptions.Web)!;
                            await runtime.ResumeAsync(resume.BookmarkId, resume.Outcome, resume.Data, resume.Actor);
                            break;
                        case var t when t == typeof(StartWorkflowInstance).FullName:
                            await runtime.StartPendingAsync(JsonSerializer.Deserialize<StartWorkflowInstance>(message.Body, JsonSerializerOptions.Web)!.InstanceId);
                            break;
                        case var t when t == typeof(CancelWorkflowInstance).FullName:
                            var cancel = JsonSerializer.Deserialize<CancelWorkflowInstance>(message.Body, JsonSerializerOptions.Web)!;
                            await runtime.CancelAsync(cancel.InstanceId, cancel.Reason, cancel.Actor);
                            break;
                    }

                    db.ChangeTracker.Clear();
                    await db.Set<OutboxMessage>().Where(m => m.Id == message.Id)
                        .ExecuteUpdateAsync(set => set.SetProperty(m => m.DispatchedAt, Clock.GetUtcNow()));
                    return 0;
                });
            }
        }

        throw new InvalidOperationException("Messages keep coming after 100 rounds.");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task<T> WithScopeAsync<T>(Func<AsyncServiceScope, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope);
    }
}

/// <summary>A host's model reduced to what the runtime needs: proof that the library depends on no host type.</summary>
public sealed class HarnessDbContext(DbContextOptions<HarnessDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddWorkflowRuntime();
        modelBuilder.OnePublishedVersionPerDefinition("\"Status\"");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
