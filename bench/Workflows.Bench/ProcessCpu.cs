using System.Diagnostics;
using System.Globalization;

namespace OneThing.Workflows.Bench;

/// <summary>
/// CPU time of this process and of the PostgreSQL backends serving one database (found by their process
/// title, "postgres: user database host(port) state"), read from /proc.
/// </summary>
internal sealed class ProcessCpu(string? postgresDatabase)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public Sample Take()
    {
        using var self = Process.GetCurrentProcess();
        return new Sample(self.TotalProcessorTime, postgresDatabase is null ? [] : Backends(postgresDatabase), CpuMeter.MachineBusyTicks());
    }

    /// <summary>CPU of the bench, of the PostgreSQL backends, and of everything else on the machine (disturbance).</summary>
    public static (TimeSpan Bench, TimeSpan? Postgres, TimeSpan? Other) Between(Sample before, Sample after)
    {
        TimeSpan? postgres = null;
        if (after.Backends.Count > 0)
        {
            var ticks = after.Backends.Sum(b => b.Value - before.Backends.GetValueOrDefault(b.Key));
            postgres = TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }

        var bench = after.Bench - before.Bench;
        TimeSpan? other = null;
        if (after.MachineBusy is { } a && before.MachineBusy is { } b)
        {
            var machine = TimeSpan.FromSeconds((a - b) / TicksPerSecond);
            var rest = machine - bench - (postgres ?? TimeSpan.Zero);
            other = rest < TimeSpan.Zero ? TimeSpan.Zero : rest;
        }

        return (bench, postgres, other);
    }

    private static Dictionary<int, long> Backends(string database)
    {
        var result = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (!cmdline.StartsWith("postgres: ", StringComparison.Ordinal) || !cmdline.Contains($" {database} ", StringComparison.Ordinal))
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // After "pid (comm) ": state is field 3, utime field 14, stime field 15 (1-based) -> indexes 11, 12.
                result[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
            }
        }

        return result;
    }

    internal sealed record Sample(TimeSpan Bench, Dictionary<int, long> Backends, long? MachineBusy);
}
