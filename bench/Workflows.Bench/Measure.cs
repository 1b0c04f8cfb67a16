using System.Diagnostics;

namespace OneThing.Workflows.Bench;

/// <summary>One throughput scenario's figures.</summary>
internal sealed record ThroughputResult(
    string Scenario,
    int Instances,
    int Concurrency,
    TimeSpan Elapsed,
    long AllocatedBytes,
    int CommitsPerInstance,
    string Verified,
    TimeSpan BenchCpu,
    TimeSpan? PostgresCpu,
    TimeSpan? OtherCpu)
{
    /// <summary>CPU used by everything but the bench and its PostgreSQL backends, in percent of one core: disturbance.</summary>
    public double? OtherPercent => OtherCpu?.TotalMilliseconds / Elapsed.TotalMilliseconds * 100;

    public double BenchCpuPerInstanceMs => BenchCpu.TotalMilliseconds / Instances;

    public double? PostgresCpuPerInstanceMs => PostgresCpu?.TotalMilliseconds / Instances;

    public double InstancesPerSecond => Instances / Elapsed.TotalSeconds;

    public double? CommitsPerSecond => CommitsPerInstance > 0 ? InstancesPerSecond * CommitsPerInstance : null;

    public double AllocatedPerInstance => (double)AllocatedBytes / Instances;
}

/// <summary>Memory of the process before and after starting <see cref="Waiting"/> instances that stay waiting.</summary>
internal sealed record MemoryResult(
    string Scenario,
    int Waiting,
    TimeSpan StartElapsed,
    MemorySnapshot Before,
    MemorySnapshot After,
    string Verified)
{
    public double StartsPerSecond => Waiting / StartElapsed.TotalSeconds;

    public long HeapDelta => After.HeapBytes - Before.HeapBytes;

    public long WorkingSetDelta => After.WorkingSetBytes - Before.WorkingSetBytes;
}

internal readonly record struct MemorySnapshot(long HeapBytes, long WorkingSetBytes)
{
    /// <summary>Full blocking, compacting collections first, so the heap holds only what is still referenced.</summary>
    public static MemorySnapshot Take()
    {
        FullCollect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new MemorySnapshot(GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes, process.WorkingSet64);
    }

    public static void FullCollect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}

internal static class Measure
{
    /// <summary>
    /// Runs <paramref name="warmup"/> instances, then <paramref name="instances"/> measured ones, each by
    /// <paramref name="runInstance"/>, on <paramref name="concurrency"/> parallel workers.
    /// </summary>
    public static async Task<(TimeSpan Elapsed, long Allocated, TimeSpan BenchCpu, TimeSpan? PostgresCpu, TimeSpan? OtherCpu)> ThroughputAsync(
        int warmup, int instances, int concurrency, Func<int, Task> runInstance, string? postgresDatabase = null)
    {
        var cpu = new ProcessCpu(postgresDatabase);
        if (warmup > 0)
        {
            await ParallelAsync(warmup, concurrency, i => runInstance(-1 - i));
        }

        await JitSettledAsync();
        MemorySnapshot.FullCollect();
        var cpuBefore = cpu.Take();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await ParallelAsync(instances, concurrency, runInstance);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var (benchCpu, postgresCpu, otherCpu) = ProcessCpu.Between(cpuBefore, cpu.Take());
        return (watch.Elapsed, allocated, benchCpu, postgresCpu, otherCpu);
    }

    /// <summary>Starts <paramref name="count"/> instances that stay waiting, and the memory before and after.</summary>
    public static async Task<(TimeSpan Elapsed, MemorySnapshot Before, MemorySnapshot After)> WaitingAsync(
        int count, int concurrency, Func<int, Task> startInstance)
    {
        var before = MemorySnapshot.Take();
        var watch = Stopwatch.StartNew();
        await ParallelAsync(count, concurrency, startInstance);
        watch.Stop();
        var after = MemorySnapshot.Take();
        return (watch.Elapsed, before, after);
    }

    /// <summary>
    /// Lets the JIT finish the tier-1 recompilations the warm-up triggered (they run in the background and
    /// would otherwise compete with the measured run): waits until the compiled-method count stops growing.
    /// </summary>
    public static async Task JitSettledAsync()
    {
        var count = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(250);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == count)
            {
                return;
            }

            count = now;
        }
    }

    public static Task ParallelAsync(int count, int concurrency, Func<int, Task> body) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (i, _) => await body(i));
}
