using System.Diagnostics;

namespace Programmes.Benchmarks;

/// <summary>
/// What one request costs the process: bytes allocated (<see cref="GC.GetTotalAllocatedBytes"/>, stable under machine
/// load) and CPU time (the process's, so it moves with contention), over <c>count</c> calls shared by <c>callers</c>.
/// </summary>
internal static class PerRequestCost
{
    public readonly record struct PerRequest(double Bytes, double CpuMicros, double PerSecond);

    public static async Task<PerRequest> MeasureAsync(string label, Func<int, Task> call, int count, int callers, bool quiet = false)
    {
        var next = -1;
        var process = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await call(i);
            }
        })));
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        process.Refresh();
        var result = new PerRequest((double)allocated / count, (process.TotalProcessorTime - cpu).TotalMicroseconds / count,
            count / watch.Elapsed.TotalSeconds);
        if (!quiet)
        {
            Console.WriteLine($"  {label,-40} {result.Bytes,8:N0} B/request {result.CpuMicros,8:N0} µs CPU/request {result.PerSecond,8:N0} req/s  (load average {LoadAverage()})");
        }
        return result;
    }

    // The GC's mode and settings decide most of a process's memory after a load: print what it holds.
    public static void PrintMemory()
    {
        var info = GC.GetGCMemoryInfo();
        var rss = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        Console.WriteLine($"memory after the load: RSS {(rss is null ? "?" : $"{long.Parse(rss, System.Globalization.CultureInfo.InvariantCulture) / 1024} MB")}, " +
            $"GC heap {info.HeapSizeBytes / 1048576} MB, committed {info.TotalCommittedBytes / 1048576} MB, server GC {System.Runtime.GCSettings.IsServerGC}, " +
            $"heaps {GC.GetConfigurationVariables().GetValueOrDefault("HeapCount")}");
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
