using System.Text.Json;
using Programmes.LoadGenerator.Scenarios;
using Programmes.LoadGenerator.Targets;

namespace Programmes.LoadGenerator.Checking;

/// <summary>
/// Issue 27's goals in one bounded run against the compose system on 127.0.0.1: each load, then one line per goal
/// with the figure reached, the floor's figure beside it where there is one, the load average when it was taken,
/// and met / NOT MET. With <c>--baseline</c> (a previous run's <c>--record</c>, on empty data) it also checks that
/// every figure stayed within 15 % of that run's.
/// </summary>
internal sealed class GoalRun(Target target, LoadClients clients, LoadOptions options,
    Func<string, LoadOptions, CancellationToken, Task<LoadResult>> load)
{
    private static readonly string[] Services = ["request-intake", "programme-planning", "partner-coordination", "funding", "gateway"];
    private readonly List<(string Goal, string Figure, string Floor, string Load, bool? Met)> _lines = [];
    private readonly Dictionary<string, Figure> _figures = [];

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
        Add("GET by id, direct: >= 5,000 req/s", $"{getRate:F0} req/s", getRate >= 5000, numbers: new(getRate, true));
        if (intake is not null && gets > 0)
        {
            // Measured over the whole load (no warm-up), so it includes what the JIT still does under it.
            var cpuMicros = (cpu1 - cpu0) / gets * 1e6;
            var kilobytes = (bytes1 - bytes0) / gets / 1024;
            Add("GET by id, direct: <= 150 us CPU per request", $"{cpuMicros:F0} us", cpuMicros <= 150, numbers: new(cpuMicros, false));
            Add("GET by id, direct: <= 15 KB allocated per request", $"{kilobytes:F1} KB", kilobytes <= 15, numbers: new(kilobytes, false));
        }
        else
        {
            Add("GET by id, direct: CPU and allocation per request", "request-intake's process not found (docker)", null);
        }

        Console.WriteLine("## 2. gateway vs plain nginx in front of the same service, same run");
        try
        {
            var ratio = await new ProxyComparison(target, clients, run with { Concurrency = 32 }).RunAsync(cancellationToken);
            Add("Gateway: >= 0.8 x nginx", $"{ratio:F2} x", ratio >= 0.8, numbers: new(ratio, true));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Add("Gateway: >= 0.8 x nginx", "nginx is not installed (apt-get install nginx-light)", null);
        }

        var comparison = new SubmissionComparison(target, clients, load);
        Console.WriteLine("## 3. submissions, closed loop 32 callers: the floor, then the system via the gateway");
        var (floor, system) = await comparison.RunAsync("closed loop 32", run with { Concurrency = 32 }, cancellationToken);
        Add("Submission CPU (whole machine): <= 2.0 ms", $"{system.CpuMilliseconds:F2} ms", system.CpuMilliseconds <= 2.0, $"{floor.CpuMilliseconds:F2} ms", new(system.CpuMilliseconds, false));
        Add("Submission CPU: <= 2 x the floor's", $"{system.CpuMilliseconds / floor.CpuMilliseconds:F2} x", system.CpuMilliseconds <= 2 * floor.CpuMilliseconds, $"{floor.CpuMilliseconds:F2} ms");
        Add("Submissions via the gateway: >= 800/s", $"{system.Rate:F0}/s", system.Rate >= 800, $"{floor.Rate:F0}/s", new(system.Rate, true));
        Add("Submissions via the gateway: p99 < 150 ms", $"{system.P99:F0} ms", system.P99 < 150, $"{floor.P99:F0} ms", new(system.P99, false));

        Console.WriteLine("## 4. submission to planning at 100/s (open loop): the floor, then the system");
        var (floorOpen, systemOpen) = await comparison.RunAsync("open loop 100/s", run with { Rate = 100 }, cancellationToken);
        if (systemOpen.ToPlanning is { } toPlanning)
        {
            (string P50, string P99) floorText = floorOpen.ToPlanning is { } f ? ($"{f.P50:F0} ms", $"{f.P99:F0} ms") : ("-", "-");
            Add("Submission -> planning at 100/s: p50 <= 20 ms", $"{toPlanning.P50:F0} ms", toPlanning.P50 <= 20, floorText.P50, new(toPlanning.P50, false));
            Add("Submission -> planning at 100/s: p99 <= 100 ms", $"{toPlanning.P99:F0} ms", toPlanning.P99 <= 100, floorText.P99, new(toPlanning.P99, false));
        }
        else
        {
            Add("Submission -> planning at 100/s", "not checked (planning's database)", null);
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

        var rss = await ServiceProcess.RssAsync(Services);
        foreach (var service in Services.Where(rss.ContainsKey))
        {
            var (total, anonymous, files) = rss[service];
            Add($"Memory after the load: {service} <= 200 MB RSS", $"{total:F0} MB (anonymous {anonymous:F0}, files {files:F0})", total <= 200);
        }
        await CompareWithBaselineAsync(cancellationToken);
        Print();
    }

    /// <summary>Seeded data: each figure within 15 % of the baseline run's (taken on empty data), in its bad direction.</summary>
    private async Task CompareWithBaselineAsync(CancellationToken cancellationToken)
    {
        if (options.Record is { } record)
        {
            await File.WriteAllTextAsync(record, JsonSerializer.Serialize(_figures), cancellationToken);
        }
        if (options.Baseline is not { } path)
        {
            Add("Seeded data: every figure within 15 % of empty data", "not compared (run with --baseline <file of an empty-data run's --record>)", null);
            return;
        }
        var baseline = JsonSerializer.Deserialize<Dictionary<string, Figure>>(await File.ReadAllTextAsync(path, cancellationToken)) ?? [];
        foreach (var (goal, now) in _figures.Where(f => baseline.ContainsKey(f.Key)).ToList())
        {
            var empty = baseline[goal];
            var change = now.Value / empty.Value;
            Add($"Seeded within 15 %: {goal}", $"{now.Value:F2} vs {empty.Value:F2} empty ({change:F2} x)", now.HigherIsBetter ? change >= 0.85 : change <= 1.15);
        }
    }

    private void Add(string goal, string figure, bool? met, string floor = "", Figure? numbers = null)
    {
        _lines.Add((goal, figure, floor, MachineCpu.LoadAverage(), met));
        if (numbers is not null)
        {
            _figures[goal] = numbers;
        }
    }

    private void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"== goals ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC){(options.Baseline is null ? "" : ", seeded run against " + options.Baseline)}");
        Console.WriteLine($"  {"goal",-62} {"figure",-40} {"floor",-10} {"load average",-16} result");
        foreach (var (goal, figure, floor, loadAverage, met) in _lines)
        {
            Console.WriteLine($"  {goal,-62} {figure,-40} {floor,-10} {loadAverage,-16} {(met is null ? "-" : met.Value ? "met" : "NOT MET")}");
        }
        Console.WriteLine($"  {_lines.Count(l => l.Met == true)} met, {_lines.Count(l => l.Met == false)} not met, {_lines.Count(l => l.Met is null)} not measured");
    }

    /// <summary>A figure to compare between runs, and which way is better.</summary>
    public sealed record Figure(double Value, bool HigherIsBetter);
}
