using System.Diagnostics;
using System.Globalization;

namespace OneThing.Workflows.Bench;

/// <summary>
/// CPU used during a scenario, by this process and by the whole machine (/proc/stat), so a run disturbed
/// by other work on the machine shows: the machine minus this process is PostgreSQL plus anything else.
/// </summary>
internal sealed class CpuMeter
{
    private readonly (long Busy, long Total)? _machine = ReadMachine();
    private readonly TimeSpan _process = ProcessCpu();
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly string _load = LoadAverage();

    public CpuUse Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_started);
        var processPercent = (ProcessCpu() - _process).TotalMilliseconds / wall.TotalMilliseconds * 100;
        double? machinePercent = null;
        if (_machine is { } before && ReadMachine() is { } after && after.Total > before.Total)
        {
            machinePercent = (double)(after.Busy - before.Busy) / (after.Total - before.Total) * 100 * Environment.ProcessorCount;
        }

        return new CpuUse(processPercent, machinePercent, _load, LoadAverage());
    }

    /// <summary>Waits (up to <paramref name="limit"/>) until the machine is below 15 % busy over 2 s; returns the last reading.</summary>
    public static async Task<double?> WaitForQuietAsync(TimeSpan limit, Action<string> log)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var before = ReadMachine();
            await Task.Delay(TimeSpan.FromSeconds(2));
            var after = ReadMachine();
            if (before is not { } b || after is not { } a || a.Total <= b.Total)
            {
                return null;
            }

            var busy = (double)(a.Busy - b.Busy) / (a.Total - b.Total) * 100;
            if (busy < 15 || waited.Elapsed >= limit)
            {
                log(busy < 15 ? $"  machine idle ({busy:F0} % busy)" : $"  machine still {busy:F0} % busy after {waited.Elapsed.TotalSeconds:F0} s; going on");
                return busy;
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Busy CPU of the whole machine since boot, in USER_HZ ticks (/proc/stat), or null off Linux.</summary>
    public static long? MachineBusyTicks() => ReadMachine()?.Busy;

    private static (long Busy, long Total)? ReadMachine()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal ...
            var idle = v[3] + v[4];
            var total = v.Take(8).Sum();
            return (total - idle, total);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(1)) : "?";
}

/// <summary>CPU in percent of one core (so 200 % is all of a 2-core machine).</summary>
internal sealed record CpuUse(double ProcessPercent, double? MachinePercent, string LoadBefore, string LoadAfter);
