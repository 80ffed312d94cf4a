namespace Programmes.Benchmarks;

/// <summary>Collects latencies and prints percentiles.</summary>
public sealed class Latency
{
    private readonly List<double> _milliseconds = [];

    public int Count
    {
        get { lock (_milliseconds) { return _milliseconds.Count; } }
    }

    public void Add(TimeSpan elapsed)
    {
        lock (_milliseconds)
        {
            _milliseconds.Add(elapsed.TotalMilliseconds);
        }
    }

    public double Percentile(double p)
    {
        lock (_milliseconds)
        {
            if (_milliseconds.Count == 0)
            {
                return double.NaN;
            }
            var sorted = _milliseconds.Order().ToArray();
            var index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
        }
    }

    public string Summary() =>
        $"n={Count} p50={Percentile(50):F1} ms p90={Percentile(90):F1} ms p99={Percentile(99):F1} ms max={Percentile(100):F1} ms";
}
