using System.Diagnostics;
using Programmes.LoadGenerator.Recording;

namespace Programmes.LoadGenerator.Driving;

/// <summary>
/// Open loop: operations start at a fixed rate whatever the answers (latency is measured from when an
/// operation was due, so a slow system cannot hide its queue). Closed loop: N callers, each starting its
/// next operation when the last one ended.
/// </summary>
public static class Driver
{
    public static async Task<TimeSpan> RunAsync(IScenario scenario, Recorder recorder, LoadOptions options, CancellationToken cancellationToken)
    {
        recorder.Counting = options.Warmup <= TimeSpan.Zero;
        var total = options.Warmup + options.Duration;
        var clock = Stopwatch.StartNew();
        var measuring = Task.Delay(options.Warmup, cancellationToken).ContinueWith(_ => recorder.Counting = true, TaskScheduler.Default);
        if (options.Rate is { } rate)
        {
            await OpenLoopAsync(scenario, recorder, rate, options.MaxInFlight, clock, total, cancellationToken);
        }
        else
        {
            await ClosedLoopAsync(scenario, options.Concurrency ?? 32, clock, total, cancellationToken);
        }
        await measuring;
        return clock.Elapsed - options.Warmup;
    }

    private static async Task OpenLoopAsync(IScenario scenario, Recorder recorder, double rate, int maxInFlight, Stopwatch clock, TimeSpan total, CancellationToken cancellationToken)
    {
        var inFlight = 0;
        var started = 0L;
        var running = new List<Task>();
        var origin = Stopwatch.GetTimestamp();
        while (clock.Elapsed < total && !cancellationToken.IsCancellationRequested)
        {
            // Start every operation that is due by now; a timer tick is ~1 ms, far finer than the rates we drive.
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            for (; started < due; started++)
            {
                var scheduledAt = origin + (long)(started / rate * Stopwatch.Frequency);
                if (Volatile.Read(ref inFlight) >= maxInFlight)
                {
                    recorder.Dropped(scenario.Operation);
                    continue;
                }
                Interlocked.Increment(ref inFlight);
                var n = started;
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await scenario.RunOnceAsync(n, scheduledAt, cancellationToken);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                    }
                }, cancellationToken));
            }
            running.RemoveAll(t => t.IsCompleted);
            await Task.Delay(1, cancellationToken);
        }
        await Task.WhenAll(running);
    }

    private static async Task ClosedLoopAsync(IScenario scenario, int concurrency, Stopwatch clock, TimeSpan total, CancellationToken cancellationToken)
    {
        var next = -1L;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < total && !cancellationToken.IsCancellationRequested)
            {
                await scenario.RunOnceAsync(Interlocked.Increment(ref next), Stopwatch.GetTimestamp(), cancellationToken);
            }
        }, cancellationToken)));
    }
}
