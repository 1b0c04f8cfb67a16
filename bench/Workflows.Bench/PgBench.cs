using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace OneThing.Workflows.Bench;

internal sealed record PgBenchResult(int Clients, int Threads, int Seconds, double Tps, long Transactions);

/// <summary>PostgreSQL's own pgbench (built-in simple-update script) against the same server, for a ceiling.</summary>
internal static partial class PgBench
{
    public static async Task<(string Version, IReadOnlyList<PgBenchResult> Results)> RunAsync(string connectionString, int seconds)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        string[] target = ["-h", cs.Host ?? "127.0.0.1", "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username ?? "postgres"];
        var database = cs.Database ?? "postgres";
        var version = (await RunAsync(["--version"], null)).Trim();
        await RunAsync([.. target, "-i", "-s", "1", "-q", database], cs.Password);
        var results = new List<PgBenchResult>();
        foreach (var (clients, threads) in new[] { (1, 1), (16, 2) })
        {
            var output = await RunAsync([.. target, "-n", "-b", "simple-update", "-T", seconds.ToString(CultureInfo.InvariantCulture),
                "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", threads.ToString(CultureInfo.InvariantCulture), database], cs.Password);
            var tps = TpsLine().Match(output);
            var transactions = ProcessedLine().Match(output);
            if (!tps.Success)
            {
                throw new InvalidOperationException($"No 'tps = ' line in pgbench's output:\n{output}");
            }

            results.Add(new PgBenchResult(clients, threads, seconds,
                double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
                transactions.Success ? long.Parse(transactions.Groups[1].Value, CultureInfo.InvariantCulture) : 0));
        }

        return (version, results);
    }

    /// <summary>
    /// pgbench's simple-update transaction sent by .NET (Npgsql, async, a pooled connection opened per
    /// transaction as EF Core does) on <paramref name="workers"/> parallel workers: what a .NET client
    /// can commit on this machine before any ORM or workflow work.
    /// </summary>
    public static async Task<PgBenchResult> NpgsqlBaselineAsync(string connectionString, int seconds, int workers)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        long transactions = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var aid = Random.Shared.Next(1, 100_001);
                var delta = Random.Shared.Next(-5000, 5001);
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await using (var update = new NpgsqlCommand("UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2", connection, transaction))
                {
                    update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = delta });
                    update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = aid });
                    await update.ExecuteNonQueryAsync();
                }

                await using (var select = new NpgsqlCommand("SELECT abalance FROM pgbench_accounts WHERE aid = $1", connection, transaction))
                {
                    select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = aid });
                    await select.ExecuteScalarAsync();
                }

                await using (var insert = new NpgsqlCommand("INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, 1, $2, $3, CURRENT_TIMESTAMP)", connection, transaction))
                {
                    insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Random.Shared.Next(1, 11) });
                    insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = aid });
                    insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = delta });
                    await insert.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
                Interlocked.Increment(ref transactions);
            }
        }));
        return new PgBenchResult(workers, workers, seconds, transactions / watch.Elapsed.TotalSeconds, transactions);
    }

    private static async Task<string> RunAsync(string[] arguments, string? password)
    {
        var start = new ProcessStartInfo("pgbench")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (password is { Length: > 0 })
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"pgbench {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
    }

    [GeneratedRegex(@"^tps = ([0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"number of transactions actually processed: ([0-9]+)", RegexOptions.Multiline)]
    private static partial Regex ProcessedLine();
}
