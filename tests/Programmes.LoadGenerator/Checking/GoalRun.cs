using System.Globalization;
using Programmes.LoadGenerator.Scenarios;
using Programmes.LoadGenerator.Targets;

namespace Programmes.LoadGenerator.Checking;

/// <summary>
/// Issue 17's goals in one bounded run against the compose system on 127.0.0.1: each load, then one line per goal
/// with the figure reached and "met" or "not met". The gateway's goal is a ratio to nginx measured in the same run.
/// </summary>
internal sealed class GoalRun(Target target, LoadClients clients, LoadOptions options,
    Func<string, LoadOptions, CancellationToken, Task<LoadResult>> load)
{
    private static readonly string[] Services = ["request-intake", "programme-planning", "partner-coordination", "funding", "gateway"];
    private readonly List<(string Goal, string Figure, bool? Met)> _lines = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var run = options with { Rate = null, Concurrency = null, Settle = options.Settle > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : options.Settle };

        Console.WriteLine("## 1. GET /api/intake/requests/{id} directly on request-intake (closed loop, 64 callers)");
        var intake = await ServiceProcess.FindAsync("request-intake", target.Http, options.IntakeService);
        var (cpu0, bytes0) = intake is null ? (0, 0) : (intake.CpuSeconds(), await intake.AllocatedBytesAsync(cancellationToken));
        var get = await load("get-direct", run with { Concurrency = 64, Warmup = TimeSpan.Zero }, cancellationToken);
        var (cpu1, bytes1) = intake is null ? (0, 0) : (intake.CpuSeconds(), await intake.AllocatedBytesAsync(cancellationToken));
        var gets = get.Operation?.Count ?? 0;
        var getRate = (get.Operation?.Succeeded ?? 0) / get.Elapsed.TotalSeconds;
        Add("GET by id, direct: >= 5,000 req/s", $"{getRate:F0} req/s", getRate >= 5000);
        if (intake is not null && gets > 0)
        {
            // Measured over the whole load (no warm-up), so it includes what the JIT still does under it.
            var cpuMicros = (cpu1 - cpu0) / gets * 1e6;
            var kilobytes = (bytes1 - bytes0) / gets / 1024;
            Add("GET by id, direct: <= 200 us CPU per request", $"{cpuMicros:F0} us", cpuMicros <= 200);
            Add("GET by id, direct: <= 20 KB allocated per request", $"{kilobytes:F1} KB", kilobytes <= 20);
        }
        else
        {
            Add("GET by id, direct: CPU and allocation per request", "request-intake's process not found (docker)", null);
        }

        Console.WriteLine("## 2. gateway vs plain nginx in front of the same service, same run");
        try
        {
            var ratio = await new ProxyComparison(target, clients, run with { Concurrency = 32 }).RunAsync(cancellationToken);
            Add("Gateway: >= 0.8 x nginx", $"{ratio:F2} x", ratio >= 0.8);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Add("Gateway: >= 0.8 x nginx", "nginx is not installed (apt-get install nginx-light)", null);
        }

        Console.WriteLine("## 3. submissions via the gateway (closed loop, 64 callers)");
        var capacity = await load("submit", run with { Concurrency = 64 }, cancellationToken);
        var submitted = (capacity.Operation?.Succeeded ?? 0) / capacity.Elapsed.TotalSeconds;
        var capacityP99 = capacity.Operation?.Percentile(o => o == "201", 0.99) ?? double.NaN;
        Add("Submissions via the gateway: >= 1,500/s", $"{submitted:F0}/s", submitted >= 1500);
        Add("Submissions via the gateway: p99 < 100 ms", $"{capacityP99:F0} ms", capacityP99 < 100);

        Console.WriteLine("## 4. submission to planning's intake at 300/s (open loop)");
        var e2e = await load("submit", run with { Rate = 300 }, cancellationToken);
        if (e2e.Consistency.Result is { } r)
        {
            Add("Submission -> planning at 300/s: p50 < 20 ms", $"{r.P50:F0} ms", r.P50 < 20);
            Add("Submission -> planning at 300/s: p99 < 150 ms", $"{r.P99:F0} ms", r.P99 < 150);
            Add("Submission -> planning at 300/s: 0 lost, 0 doubled", $"{r.Lost} lost, {r.Doubled} doubled", r.Lost == 0 && r.Doubled == 0);
        }
        else
        {
            Add("Submission -> planning at 300/s", "not checked (planning's database)", null);
        }

        Console.WriteLine("## 5. overload: 256 callers submitting via the gateway, 5 s client timeout");
        var overload = await load("submit", run with { Concurrency = 256, CallTimeout = TimeSpan.FromSeconds(5) }, cancellationToken);
        var outcomes = overload.Operation?.Outcomes ?? new Dictionary<string, int>();
        var acceptedP99 = overload.Operation?.Percentile(o => o == "201", 0.99) ?? double.NaN;
        var refused = outcomes.Where(o => o.Key is "503" or "429").Sum(o => o.Value);
        var refusedP99 = overload.Operation?.Percentile(o => o is "503" or "429", 0.99) ?? double.NaN;
        var silent = outcomes.Where(o => o.Key.EndsWith("-no-retry-after", StringComparison.Ordinal)).Sum(o => o.Value);
        var timeouts = outcomes.Where(o => !char.IsDigit(o.Key[0])).Sum(o => o.Value);
        Add("Overload: accepted p99 < 1 s", $"{acceptedP99:F0} ms", acceptedP99 < 1000);
        Add("Overload: refusals (503/429 + Retry-After) p99 <= 100 ms", refused == 0 ? "none refused" : $"{refused} refused, p99 {refusedP99:F0} ms, {silent} without Retry-After", refused == 0 ? null : refusedP99 <= 100 && silent == 0);
        Add("Overload: no client timeouts", $"{timeouts} timeouts/errors", timeouts == 0);
        if (overload.Consistency.Result is { } o)
        {
            Add("Overload: 0 lost, 0 doubled", $"{o.Lost} lost, {o.Doubled} doubled", o.Lost == 0 && o.Doubled == 0);
        }

        Add("Backlog drain: >= 5,000 events/s into consumers", "not measured here: tests/Programmes.Benchmarks `outbox`", null);
        var rss = await ServiceProcess.RssAsync(Services);
        foreach (var service in Services.Where(rss.ContainsKey))
        {
            var (total, anonymous, files) = rss[service];
            Add($"Memory after the load: {service} < 250 MB RSS", $"{total:F0} MB (anonymous {anonymous:F0}, files {files:F0})", total < 250);
        }
        Print();
    }

    private void Add(string goal, string figure, bool? met) => _lines.Add((goal, figure, met));

    private void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"== goals ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()})");
        foreach (var (goal, figure, met) in _lines)
        {
            Console.WriteLine($"  {goal,-60} {figure,-40} {(met is null ? "-" : met.Value ? "met" : "NOT MET")}");
        }
        Console.WriteLine($"  {_lines.Count(l => l.Met == true)} met, {_lines.Count(l => l.Met == false)} not met, {_lines.Count(l => l.Met is null)} not measured");
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
