using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using OneThing.Workflows.Definitions;
using OneThing.Workflows.Messaging;
using OneThing.Workflows.Runtime;

namespace OneThing.Workflows.Bench;

/// <summary>
/// A host's model reduced to what the runtime needs, as in the unit tests' WorkflowHarness: the outbox
/// and inbox tables plus the runtime's tables, nothing of the real host.
/// </summary>
internal abstract class BenchDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddWorkflowRuntime();
    }
}

internal sealed class SqliteBenchDbContext(DbContextOptions<SqliteBenchDbContext> options) : BenchDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // As the host's SqliteAppDbContext: SQLite has no date/time type; instants are stored as sortable integers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

internal sealed class PostgresBenchDbContext(DbContextOptions<PostgresBenchDbContext> options) : BenchDbContext(options);

internal enum DbKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Our runtime hosted as a library on its own DbContext. Every operation (start, each completion) runs in
/// its own DI scope with a fresh DbContext, as a request or a message consumer of a real host would.
/// </summary>
internal sealed class OurRuntimeBench : IAsyncDisposable
{
    public const string DefinitionId = "bench-fork-join";
    public const string Outcome = "Done";
    public const string Actor = "bench";

    private readonly ServiceProvider _services;

    private OurRuntimeBench(ServiceProvider services, DbKind database, string description)
    {
        _services = services;
        DatabaseKind = database;
        Description = description;
    }

    public DbKind DatabaseKind { get; }

    public string Description { get; }

    /// <summary>Creates a fresh database (schema by EnsureCreated) and publishes the benchmark flow.</summary>
    public static async Task<OurRuntimeBench> CreateAsync(DbKind database, string connectionString, bool pooled, params IInterceptor[] interceptors)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        string description;
        if (database == DbKind.Sqlite)
        {
            description = (pooled ? "pooled DbContext, " : "") + $"SQLite file {new SqliteConnectionStringBuilder(connectionString).DataSource}";
            if (pooled)
            {
                services.AddDbContextPool<BenchDbContext, SqliteBenchDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(interceptors));
            }
            else
            {
                services.AddDbContext<BenchDbContext, SqliteBenchDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(interceptors));
            }
        }
        else
        {
            description = (pooled ? "pooled DbContext, " : "") + "PostgreSQL " + connectionString;
            if (pooled)
            {
                services.AddDbContextPool<BenchDbContext, PostgresBenchDbContext>(o => o.UseNpgsql(connectionString).AddInterceptors(interceptors));
            }
            else
            {
                services.AddDbContext<BenchDbContext, PostgresBenchDbContext>(o => o.UseNpgsql(connectionString).AddInterceptors(interceptors));
            }
        }

        services.AddScoped(sp => new DbContextAccessor(sp.GetRequiredService<BenchDbContext>()));
        services.AddWorkflows();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
            await db.Database.EnsureDeletedAsync();
            await db.Database.EnsureCreatedAsync();
            if (database == DbKind.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
            var definition = WorkflowJson.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "flows", "fork-join-3.json")));
            var draft = await store.CreateDraftAsync(definition, Actor);
            await store.PublishAsync(draft);
        }

        return new OurRuntimeBench(provider, database, description);
    }

    /// <summary>Starts an instance; returns it with the ids of the tasks it opened.</summary>
    public async Task<(Guid Instance, Guid[] Tasks)> StartAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var instance = await runtime.StartAsync(DefinitionId, input: null, Actor);
        // The three WorkflowTask rows were inserted by this scope's SaveChanges; their ids are read from
        // its change tracker instead of a task-list query, so only the runtime's own work is measured.
        var tasks = scope.ServiceProvider.GetRequiredService<BenchDbContext>().ChangeTracker.Entries<WorkflowTask>()
            .Where(e => e.Entity.InstanceId == instance.Id && e.Entity.Status == WorkflowTaskStatus.Open)
            .Select(e => e.Entity.Id)
            .ToArray();
        if (instance.Status != InstanceStatus.Running || tasks.Length != 3)
        {
            throw new InvalidOperationException($"Instance {instance.Id} is {instance.Status} with {tasks.Length} open task(s); expected Running with 3.");
        }

        return (instance.Id, tasks);
    }

    public async Task CompleteAsync(Guid taskId)
    {
        await using var scope = _services.CreateAsyncScope();
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var result = await runtime.CompleteTaskAsync(taskId, Outcome, null, Actor);
        if (result != TaskCompletionResult.Completed)
        {
            throw new InvalidOperationException($"Completing task {taskId} returned {result}.");
        }
    }

    /// <summary>What every operation pays before it does anything: a DI scope, the runtime and an initialised DbContext.</summary>
    public async Task EmptyScopeAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        _ = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        _ = scope.ServiceProvider.GetRequiredService<BenchDbContext>().ChangeTracker.Entries().Count();
    }

    /// <summary>The whole flow: start, then complete the three tasks one after the other.</summary>
    public async Task RunInstanceAsync()
    {
        var (_, tasks) = await StartAsync();
        foreach (var task in tasks)
        {
            await CompleteAsync(task);
        }
    }

    public async Task<Counts> CountAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        var instances = await db.Set<WorkflowInstance>().GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var tasks = await db.Set<WorkflowTask>().GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return new Counts(
            instances.Where(x => x.Key == InstanceStatus.Completed).Sum(x => x.Count),
            instances.Where(x => x.Key == InstanceStatus.Running).Sum(x => x.Count),
            instances.Where(x => x.Key is not (InstanceStatus.Completed or InstanceStatus.Running)).Sum(x => x.Count),
            tasks.Where(x => x.Key == WorkflowTaskStatus.Completed).Sum(x => x.Count),
            tasks.Where(x => x.Key == WorkflowTaskStatus.Open).Sum(x => x.Count));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (DatabaseKind == DbKind.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
    }

    internal readonly record struct Counts(int CompletedInstances, int RunningInstances, int OtherInstances, int CompletedTasks, int OpenTasks);
}
