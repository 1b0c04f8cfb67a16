using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using OneThing.Workflows.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (HelpRequestedException)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var report = new Report(options, Machine.Describe());
if (options.DbContextPool)
{
    report.Notes.Add("Host experiment: our runtime on a pooled DbContext (AddDbContextPool), not the host's AddDbContext.");
}

if (options.Postgres != BenchOptions.DefaultPostgres)
{
    report.Notes.Add($"PostgreSQL connection string: `{options.Postgres}`.");
}
var sqliteDir = Path.Combine(Path.GetTempPath(), $"onething-bench-{Environment.ProcessId}");
Directory.CreateDirectory(sqliteDir);
var sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(sqliteDir, "bench.db"), Pooling = true, DefaultTimeout = 60 }.ToString();
var total = Stopwatch.StartNew();
Log($"Workflows.Bench: {options.Instances} instances (+{options.Warmup} warm-up), {options.Concurrency} workers, {options.Waiting} waiting; scenarios {string.Join(", ", options.Scenarios)}");

try
{
    if (options.Runs("sqlite"))
    {
        await Scenario("ours, SQLite (WAL)", () => RunOursAsync("Ours · SQLite file (WAL)", DbKind.Sqlite, sqlite));
    }

    if (options.Runs("postgres"))
    {
        await Scenario("ours, PostgreSQL", async () =>
        {
            report.Postgres = await PostgresInfoAsync(options.Postgres);
            await RunOursAsync("Ours · PostgreSQL", DbKind.Postgres, options.Postgres);
        });
    }

    if (options.Runs("pgbench"))
    {
        await Scenario("pgbench", async () =>
        {
            report.Postgres ??= await PostgresInfoAsync(options.Postgres);
            var (version, results) = await PgBench.RunAsync(options.Postgres, options.PgBenchSeconds);
            report.PgBenchVersion = version;
            report.PgBench.AddRange(results);
            foreach (var r in results)
            {
                Log($"  pgbench simple-update -c {r.Clients} -j {r.Threads}: {r.Tps:F0} tps");
            }
        });
    }

    if (options.Runs("npgsql"))
    {
        await Scenario("raw Npgsql, pgbench's simple-update transaction", async () =>
        {
            foreach (var workers in new[] { 1, options.Concurrency })
            {
                var result = await PgBench.NpgsqlBaselineAsync(options.Postgres, options.PgBenchSeconds, workers);
                report.NpgsqlBaseline.Add(result);
                Log($"  Npgsql simple-update, {workers} worker(s): {result.Tps:F0} tps");
            }
        });
    }

    if (options.Runs("workflowcore"))
    {
        await Scenario("WorkflowCore, defaults", () => RunWorkflowCoreAsync("WorkflowCore 3.22.0 · in memory, defaults", tuned: false));
    }

    if (options.Runs("workflowcore-tuned"))
    {
        await Scenario("WorkflowCore, tuned", () => RunWorkflowCoreAsync("WorkflowCore 3.22.0 · in memory, tuned", tuned: true));
    }

    if (options.Runs("profile"))
    {
        if (options.Runs("sqlite"))
        {
            await Scenario("profile, SQLite", () => ProfileAsync("SQLite", DbKind.Sqlite, sqlite));
        }

        if (options.Runs("postgres"))
        {
            await Scenario("profile, PostgreSQL", () => ProfileAsync("PostgreSQL", DbKind.Postgres, options.Postgres));
        }
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    try
    {
        Directory.Delete(sqliteDir, recursive: true);
    }
    catch (IOException)
    {
    }
}

report.Elapsed = total.Elapsed;
var markdown = report.ToMarkdown();
Console.WriteLine();
Console.WriteLine(markdown);
var outPath = options.Out ?? Path.Combine(RepositoryRoot(), "bench", "results", "latest.md");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
await File.WriteAllTextAsync(outPath, markdown);
var sqlPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, Path.GetFileNameWithoutExtension(outPath) + "-sql.md");
if (report.SqlTrace.Length > 0)
{
    await File.WriteAllTextAsync(sqlPath, report.SqlTrace.ToString());
}

Log($"Report written to {outPath}" + (report.SqlTrace.Length > 0 ? $" (SQL of one instance: {sqlPath})" : "") + $"; total {total.Elapsed.TotalSeconds:F0} s.");
return report.Failures.Count == 0 ? 0 : 1;

async Task Scenario(string name, Func<Task> run)
{
    Log($"== {name}");
    if (options.QuietWait > 0)
    {
        MemorySnapshot.FullCollect();
        await CpuMeter.WaitForQuietAsync(TimeSpan.FromSeconds(options.QuietWait), Log);
    }

    var watch = Stopwatch.StartNew();
    var cpu = new CpuMeter();
    try
    {
        await run();
        var use = cpu.Stop();
        report.Cpu.Add((name, watch.Elapsed, use));
        Log($"  CPU: bench process {use.ProcessPercent:F0} %, machine {use.MachinePercent:F0} % (of {Environment.ProcessorCount * 100} %), load {use.LoadBefore} -> {use.LoadAfter}");
    }
    catch (Exception ex)
    {
        report.Failures.Add($"{name}: {ex.GetType().Name}: {ex.Message}");
        Log($"  FAILED: {ex}");
    }
    finally
    {
        MemorySnapshot.FullCollect();
        Log($"  ({watch.Elapsed.TotalSeconds:F1} s)");
    }
}

async Task RunOursAsync(string label, DbKind database, string connectionString)
{
    await using (var bench = await OurRuntimeBench.CreateAsync(database, connectionString, options.DbContextPool))
    {
        var pgDatabase = database == DbKind.Postgres ? new NpgsqlConnectionStringBuilder(connectionString).Database : null;
        var (elapsed, allocated, benchCpu, pgCpu, otherCpu) = await Measure.ThroughputAsync(options.Warmup, options.Instances, options.Concurrency, _ => bench.RunInstanceAsync(), pgDatabase);
        var counts = await bench.CountAsync();
        var expected = options.Warmup + options.Instances;
        var verified = counts.CompletedInstances == expected && counts.CompletedTasks == 3 * expected && counts.RunningInstances == 0 && counts.OtherInstances == 0
            ? $"ok: {counts.CompletedInstances} Completed, {counts.CompletedTasks} tasks done"
            : $"MISMATCH: {counts}";
        var result = new ThroughputResult(label, options.Instances, options.Concurrency, elapsed, allocated, CommitsPerInstance: 4, verified, benchCpu, pgCpu, otherCpu);
        report.Throughput.Add(result);
        Log($"  {result.InstancesPerSecond:F1} instances/s, {result.CommitsPerSecond:F0} commits/s, {result.AllocatedPerInstance / 1024:F0} KiB/instance, CPU/instance {result.BenchCpuPerInstanceMs:F2} ms bench + {result.PostgresCpuPerInstanceMs:F2} ms PostgreSQL, other processes {result.OtherPercent:F0} % of a core; {verified}");

        if (options.Waiting > 0)
        {
            var before = counts;
            var (startElapsed, memBefore, memAfter) = await Measure.WaitingAsync(options.Waiting, options.Concurrency, _ => bench.StartAsync());
            var after = await bench.CountAsync();
            var waitingOk = after.RunningInstances - before.RunningInstances == options.Waiting && after.OpenTasks - before.OpenTasks == 3 * options.Waiting;
            var memory = new MemoryResult(label, options.Waiting, startElapsed, memBefore, memAfter,
                waitingOk ? $"ok: {after.RunningInstances} Running, {after.OpenTasks} open task rows" : $"MISMATCH: {after}");
            report.Memory.Add(memory);
            Log($"  {options.Waiting} waiting: heap {Mib(memBefore.HeapBytes)} -> {Mib(memAfter.HeapBytes)} MiB, working set {Mib(memBefore.WorkingSetBytes)} -> {Mib(memAfter.WorkingSetBytes)} MiB; {memory.Verified}");
        }
    }
}

async Task RunWorkflowCoreAsync(string label, bool tuned)
{
    await using (var bench = await WorkflowCoreBench.CreateAsync(tuned, options.Concurrency))
    {
        report.WorkflowCoreSettings[label] = bench.Description;
        var (elapsed, allocated, benchCpu, _, otherCpu) = await Measure.ThroughputAsync(options.Warmup, options.Instances, options.Concurrency, _ => bench.RunInstanceAsync());
        var expected = options.Warmup + options.Instances;
        var verified = bench.Completed == expected ? $"ok: {bench.Completed} WorkflowCompleted events" : $"MISMATCH: {bench.Completed} of {expected} completed";
        var result = new ThroughputResult(label, options.Instances, options.Concurrency, elapsed, allocated, CommitsPerInstance: 0, verified, benchCpu, null, otherCpu);
        report.Throughput.Add(result);
        Log($"  {result.InstancesPerSecond:F1} instances/s, {result.AllocatedPerInstance / 1024:F0} KiB/instance, CPU/instance {result.BenchCpuPerInstanceMs:F2} ms, other processes {result.OtherPercent:F0} % of a core; {verified}");
    }

    MemorySnapshot.FullCollect();
    if (options.Waiting > 0)
    {
        // A fresh host: its in-memory store keeps completed instances, which would count against it here.
        await using var bench = await WorkflowCoreBench.CreateAsync(tuned, options.Concurrency);
        var (startElapsed, memBefore, memAfter) = await Measure.WaitingAsync(options.Waiting, options.Concurrency, _ => bench.StartAsync());
        var memory = new MemoryResult(label, options.Waiting, startElapsed, memBefore, memAfter,
            $"ok: {options.Waiting} instances with 3 subscriptions each, held in process memory");
        report.Memory.Add(memory);
        Log($"  {options.Waiting} waiting: heap {Mib(memBefore.HeapBytes)} -> {Mib(memAfter.HeapBytes)} MiB, working set {Mib(memBefore.WorkingSetBytes)} -> {Mib(memAfter.WorkingSetBytes)} MiB");
    }
}

async Task ProfileAsync(string label, DbKind database, string connectionString)
{
    var profiler = new SqlProfiler();
    await using var bench = await OurRuntimeBench.CreateAsync(database, connectionString, options.DbContextPool, profiler.Interceptors);
    for (var i = 0; i < 20; i++)
    {
        await bench.RunInstanceAsync();
    }

    profiler.Operations.Clear();
    for (var i = 0; i < options.ProfileInstances; i++)
    {
        Guid[] tasks = [];
        await profiler.MeasureAsync("start", async () => tasks = (await bench.StartAsync()).Tasks);
        for (var t = 0; t < tasks.Length; t++)
        {
            var task = tasks[t];
            await profiler.MeasureAsync($"complete #{t + 1}" + (t == tasks.Length - 1 ? " (join, end)" : ""), () => bench.CompleteAsync(task));
        }

        await profiler.MeasureAsync("(scope + DbContext only, no work)", bench.EmptyScopeAsync);
    }

    var operations = profiler.Operations.ToList();
    report.Profiles.Add((label, operations));
    report.AddSqlTrace(label, operations.Take(4).ToList());
    foreach (var group in operations.GroupBy(o => o.Name))
    {
        Log($"  {group.Key}: {group.Average(o => o.Wall.TotalMilliseconds):F2} ms, {group.Average(o => o.RoundTrips):F1} round trips, {group.Average(o => o.BatchedStatements):F1} statements in SaveChanges;"
            + $" queries {group.Average(o => o.QueryTime.TotalMilliseconds):F2} ms, batch {group.Average(o => o.BatchTime.TotalMilliseconds):F2} ms, commit {group.Average(o => o.CommitTime.TotalMilliseconds):F2} ms, opens {group.Average(o => o.OpenTime.TotalMilliseconds):F2} ms");
    }
}

static async Task<PostgresInfo> PostgresInfoAsync(string connectionString)
{
    var cs = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
    await using var connection = new NpgsqlConnection(cs.ToString());
    await connection.OpenAsync();
    async Task<string> Show(string setting)
    {
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    return new PostgresInfo(
        await Show("server_version"),
        $"fsync={await Show("fsync")}, synchronous_commit={await Show("synchronous_commit")}, full_page_writes={await Show("full_page_writes")}, shared_buffers={await Show("shared_buffers")}",
        $"{cs.Host}:{cs.Port}");
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "OneThing.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}

static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
