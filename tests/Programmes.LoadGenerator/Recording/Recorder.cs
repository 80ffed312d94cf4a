using System.Collections.Concurrent;
using System.Diagnostics;

namespace Programmes.LoadGenerator.Recording;

/// <summary>Latencies and outcomes per operation ("submit", "journey", "accept"...); thread-safe.</summary>
public sealed class Recorder
{
    private readonly ConcurrentDictionary<string, Operation> _operations = new();

    /// <summary>False during the warm-up: nothing is counted.</summary>
    public bool Counting { get; set; } = true;

    public void Record(string operation, TimeSpan latency, string outcome)
    {
        if (Counting)
        {
            _operations.GetOrAdd(operation, _ => new Operation()).Add(latency, outcome);
        }
    }

    /// <summary>Counts an operation that never started (the open loop's in-flight limit was reached).</summary>
    public void Dropped(string operation) => Record(operation, TimeSpan.Zero, "dropped");

    public IReadOnlyDictionary<string, Operation> Operations => _operations;

    public void Print(string title, TimeSpan elapsed)
    {
        Console.WriteLine($"== {title} ({elapsed.TotalSeconds:F1} s measured)");
        foreach (var (name, operation) in _operations.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {name,-22} {operation.Summary(elapsed)}");
        }
    }

    public sealed class Operation
    {
        private readonly List<double> _millis = [];
        private readonly List<(string Outcome, double Millis)> _byOutcome = [];
        private readonly ConcurrentDictionary<string, int> _outcomes = new();

        public void Add(TimeSpan latency, string outcome)
        {
            _outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            if (outcome != "dropped")
            {
                lock (_millis)
                {
                    _millis.Add(latency.TotalMilliseconds);
                    _byOutcome.Add((outcome, latency.TotalMilliseconds));
                }
            }
        }

        public IReadOnlyDictionary<string, int> Outcomes => _outcomes;

        /// <summary>The quantile of the latencies of the outcomes <paramref name="which"/> selects (NaN when none).</summary>
        public double Percentile(Func<string, bool> which, double quantile)
        {
            double[] sorted;
            lock (_millis)
            {
                sorted = [.. _byOutcome.Where(o => which(o.Outcome)).Select(o => o.Millis)];
            }
            Array.Sort(sorted);
            return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
        }

        public int Count => _outcomes.Values.Sum();

        /// <summary>Operations that ended with a 2xx (or the scenario's own "ok").</summary>
        public int Succeeded => _outcomes.Where(o => o.Key.StartsWith('2') || o.Key == "ok").Sum(o => o.Value);

        public double[] Percentiles(params double[] quantiles)
        {
            double[] sorted;
            lock (_millis)
            {
                sorted = [.. _millis];
            }
            Array.Sort(sorted);
            return [.. quantiles.Select(q => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)])];
        }

        public string Summary(TimeSpan elapsed)
        {
            var p = Percentiles(0.5, 0.9, 0.99, 1.0);
            var outcomes = string.Join(" ", _outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}:{o.Value}"));
            return $"n={Count} ok/s={Succeeded / elapsed.TotalSeconds:F1} p50={p[0]:F1} p90={p[1]:F1} p99={p[2]:F1} max={p[3]:F1} ms  [{outcomes}]";
        }
    }
}

/// <summary>Times one call and records it under its status code (or the exception's type).</summary>
public static class Timed
{
    public static async Task<HttpResponseMessage?> SendAsync(Recorder recorder, string operation, Func<Task<HttpResponseMessage>> call, long? startedAt = null)
    {
        var started = startedAt ?? Stopwatch.GetTimestamp();
        try
        {
            var response = await call();
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            // A refusal must say when to come back: one without Retry-After is counted apart.
            var refusedSilently = (int)response.StatusCode is 429 or 503 && response.Headers.RetryAfter is null;
            recorder.Record(operation, Stopwatch.GetElapsedTime(started), refusedSilently ? status + "-no-retry-after" : status);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            recorder.Record(operation, Stopwatch.GetElapsedTime(started), ex.GetType().Name);
            return null;
        }
    }
}
