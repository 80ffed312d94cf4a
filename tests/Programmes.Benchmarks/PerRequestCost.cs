using System.Diagnostics;

namespace Programmes.Benchmarks;

/// <summary>
/// What one request costs the process: bytes allocated (<see cref="GC.GetTotalAllocatedBytes"/>, stable under machine
/// load) and CPU time (the process's, so it moves with contention), over <c>count</c> calls shared by <c>callers</c>.
/// </summary>
internal static class PerRequestCost
{
    public readonly record struct PerRequest(double Bytes, double CpuMicros, double PerSecond);

    /// <summary>The process's CPU time and allocated bytes at one moment.</summary>
    public readonly record struct Snapshot(TimeSpan Cpu, long Bytes)
    {
        public static Snapshot Now()
        {
            using var process = Process.GetCurrentProcess();
            return new(process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
        }

        /// <summary>Bytes allocated and microseconds of CPU per request from this moment to now.</summary>
        public (double Bytes, double CpuMicros) PerRequestUntilNow(long count)
        {
            var now = Now();
            return ((double)(now.Bytes - Bytes) / count, (now.Cpu - Cpu).TotalMicroseconds / count);
        }
    }

    public static async Task<PerRequest> MeasureAsync(string label, Func<int, Task> call, int count, int callers, bool quiet = false)
    {
        var next = -1;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var start = Snapshot.Now();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await call(i);
            }
        })));
        watch.Stop();
        var (bytes, cpuMicros) = start.PerRequestUntilNow(count);
        var result = new PerRequest(bytes, cpuMicros, count / watch.Elapsed.TotalSeconds);
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
