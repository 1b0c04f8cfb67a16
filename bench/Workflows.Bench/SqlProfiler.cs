using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneThing.Workflows.Bench;

/// <summary>What one runtime operation (a start, a completion) did against the database.</summary>
internal sealed class OperationProfile(string name)
{
    public string Name { get; } = name;

    public int Queries { get; set; }

    public int Batches { get; set; }

    /// <summary>Statements inside the SaveChanges batches (inserts, updates, deletes).</summary>
    public int BatchedStatements { get; set; }

    public int Begins { get; set; }

    public int Commits { get; set; }

    public int ConnectionOpens { get; set; }

    public TimeSpan QueryTime { get; set; }

    public TimeSpan BatchTime { get; set; }

    public TimeSpan CommandTime => QueryTime + BatchTime;

    public TimeSpan CommitTime { get; set; }

    public TimeSpan OpenTime { get; set; }

    public TimeSpan Wall { get; set; }

    /// <summary>Inside SaveChanges: change detection, command building, the batch and the COMMIT.</summary>
    public TimeSpan SaveChangesTime { get; set; }

    public long Allocated { get; set; }

    public long SaveChangesAllocated { get; set; }

    internal long SaveStarted { get; set; }

    internal long SaveStartedAllocated { get; set; }

    public List<string> Sql { get; } = [];

    /// <summary>Round trips to the server: every command plus the COMMIT (BEGIN travels with the first command).</summary>
    public int RoundTrips => Queries + Batches + Commits;

    public TimeSpan DatabaseTime => CommandTime + CommitTime + OpenTime;
}

/// <summary>
/// EF Core interceptors that attribute commands, transactions and connection opens to the operation
/// running in the current async flow (<see cref="MeasureAsync"/>), with their durations.
/// </summary>
internal sealed class SqlProfiler
{
    private static readonly AsyncLocal<OperationProfile?> Current = new();

    public ConcurrentQueue<OperationProfile> Operations { get; } = new();

    public IInterceptor[] Interceptors => [new Commands(), new Transactions(), new Connections(), new Saves()];

    public async Task MeasureAsync(string name, Func<Task> operation)
    {
        var profile = new OperationProfile(name);
        Current.Value = profile;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        try
        {
            await operation();
        }
        finally
        {
            profile.Wall = watch.Elapsed;
            profile.Allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Current.Value = null;
            Operations.Enqueue(profile);
        }
    }

    private static void Command(DbCommand command, TimeSpan duration)
    {
        if (Current.Value is not { } profile)
        {
            return;
        }

        var text = command.CommandText.TrimStart();
        var statements = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            profile.Queries++;
            profile.QueryTime += duration;
        }
        else
        {
            profile.Batches++;
            profile.BatchedStatements += statements;
            profile.BatchTime += duration;
        }

        profile.Sql.Add(text);
    }

    private sealed class Commands : DbCommandInterceptor
    {
        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Command(command, eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Command(command, eventData.Duration);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Command(command, eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Command(command, eventData.Duration);
            return result;
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Command(command, eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            Command(command, eventData.Duration);
            return result;
        }
    }

    private sealed class Transactions : DbTransactionInterceptor
    {
        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            Started();
            return ValueTask.FromResult(result);
        }

        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            Started();
            return result;
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Committed(eventData.Duration);
            return Task.CompletedTask;
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Duration);

        private static void Started()
        {
            if (Current.Value is { } profile)
            {
                profile.Begins++;
            }
        }

        private static void Committed(TimeSpan duration)
        {
            if (Current.Value is { } profile)
            {
                profile.Commits++;
                profile.CommitTime += duration;
            }
        }
    }

    private sealed class Saves : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Current.Value is { } profile)
            {
                profile.SaveStartedAllocated = GC.GetTotalAllocatedBytes(precise: true);
                profile.SaveStarted = Stopwatch.GetTimestamp();
            }

            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (Current.Value is { } profile)
            {
                profile.SaveChangesTime += Stopwatch.GetElapsedTime(profile.SaveStarted);
                profile.SaveChangesAllocated += GC.GetTotalAllocatedBytes(precise: true) - profile.SaveStartedAllocated;
            }

            return ValueTask.FromResult(result);
        }
    }

    private sealed class Connections : DbConnectionInterceptor
    {
        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Opened(eventData.Duration);
            return Task.CompletedTask;
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Opened(eventData.Duration);

        private static void Opened(TimeSpan duration)
        {
            if (Current.Value is { } profile)
            {
                profile.ConnectionOpens++;
                profile.OpenTime += duration;
            }
        }
    }
}
