using System.Globalization;

namespace OneThing.Workflows.Bench;

/// <summary>Command-line settings of one benchmark run.</summary>
internal sealed record BenchOptions
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=56432;Username=postgres;Database=onething_bench";

    public static readonly string[] AllScenarios = ["sqlite", "postgres", "pgbench", "npgsql", "workflowcore", "workflowcore-tuned", "profile"];

    /// <summary>Instances measured per throughput scenario.</summary>
    public int Instances { get; init; } = 2_000;

    /// <summary>Instances run (and not measured) before each throughput scenario.</summary>
    public int Warmup { get; init; } = 100;

    /// <summary>Parallel workers; each drives one instance at a time from start to end.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Instances started and left waiting for the memory measurement (0 = skip).</summary>
    public int Waiting { get; init; } = 10_000;

    public int PgBenchSeconds { get; init; } = 10;

    /// <summary>Instances run one at a time with SQL instrumentation in the profile scenario.</summary>
    public int ProfileInstances { get; init; } = 200;

    /// <summary>Before each scenario, wait up to this many seconds for the machine to be idle (0 = don't).</summary>
    public int QuietWait { get; init; }

    /// <summary>Host experiment: AddDbContextPool instead of AddDbContext (the host uses AddDbContext).</summary>
    public bool DbContextPool { get; init; }

    public IReadOnlySet<string> Scenarios { get; init; } = new HashSet<string>(AllScenarios, StringComparer.OrdinalIgnoreCase);

    public string Postgres { get; init; } = Environment.GetEnvironmentVariable("ONETHING_BENCH_POSTGRES") is { Length: > 0 } cs ? cs : DefaultPostgres;

    /// <summary>Where the Markdown report goes; default bench/results/latest.md of the repository.</summary>
    public string? Out { get; init; }

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--instances" or "-n" => options with { Instances = Number() },
                "--warmup" => options with { Warmup = Number() },
                "--concurrency" or "-c" => options with { Concurrency = Number() },
                "--waiting" => options with { Waiting = Number() },
                "--pgbench-seconds" => options with { PgBenchSeconds = Number() },
                "--profile-instances" => options with { ProfileInstances = Number() },
                "--quiet-wait" => options with { QuietWait = Number() },
                "--dbcontext-pool" => options with { DbContextPool = true },
                "--postgres" => options with { Postgres = Value() },
                "--out" => options with { Out = Value() },
                "--scenarios" => options with { Scenarios = ParseScenarios(Value()) },
                "--help" or "-h" => throw new HelpRequestedException(),
                var other => throw new ArgumentException($"Unknown argument '{other}'."),
            };
        }

        if (options.Instances < 1 || options.Concurrency < 1 || options.Warmup < 0 || options.Waiting < 0)
        {
            throw new ArgumentException("--instances and --concurrency must be positive; --warmup and --waiting not negative.");
        }

        return options;
    }

    private static HashSet<string> ParseScenarios(string list)
    {
        var set = new HashSet<string>(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
        var unknown = set.Except(AllScenarios, StringComparer.OrdinalIgnoreCase).ToList();
        return unknown.Count == 0 ? set : throw new ArgumentException($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", AllScenarios)}.");
    }

    public const string Usage = """
        Workflows.Bench — our workflow runtime (SQLite, PostgreSQL) against WorkflowCore 3.22.0 (in memory)
        on one flow: fork into 3 human tasks, resume all three, join, end.

          --instances, -n N        instances measured per scenario (2000)
          --warmup N               instances run first and not measured (100)
          --concurrency, -c N      parallel workers, one instance at a time each (8)
          --waiting N              instances started and left waiting for the memory figures (10000; 0 skips)
          --pgbench-seconds N      duration of each pgbench run (10)
          --profile-instances N    instances in the SQL-instrumented profile pass (200)
          --quiet-wait S           before each scenario wait up to S seconds for an idle machine (0)
          --dbcontext-pool         host experiment: AddDbContextPool instead of AddDbContext for ours
          --postgres CS            Npgsql connection string (env ONETHING_BENCH_POSTGRES, else
                                   Host=127.0.0.1;Port=56432;Username=postgres;Database=onething_bench)
          --scenarios a,b          subset of: sqlite, postgres, pgbench, npgsql, workflowcore, workflowcore-tuned,
                                   profile (npgsql needs pgbench's tables: run it with pgbench)
          --out FILE               Markdown report (bench/results/latest.md)
        """;
}

internal sealed class HelpRequestedException : Exception;
