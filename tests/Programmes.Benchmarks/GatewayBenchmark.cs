using System.Diagnostics;
using System.Net.Http.Headers;
using Programmes.Testing;

namespace Programmes.Benchmarks;

/// <summary>
/// What the gateway costs: the same small authenticated GET (planning's intake items, staff token) called
/// directly on the service and through the gateway, closed loop at fixed concurrency, in one run.
/// Everything runs in this process, so each phase's allocated bytes and CPU per request include the caller's and
/// the service's; the same caller and service work is in both phases, so the difference is the gateway's own cost.
/// Args: [concurrency=32] [seconds=10].
/// </summary>
public sealed class GatewayBenchmark : IBenchmark
{
    private const string Path = "/api/planning/intake-items";

    public string Name => "gateway";
    public string Description => "Same authenticated GET direct on planning vs through the gateway: req/s, p50/p99, ratio.";

    public async Task RunAsync(string[] args)
    {
        var concurrency = args.Length > 0 ? int.Parse(args[0]) : 32;
        var duration = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1]) : 10);

        var system = new PlanningBehindGateway();
        await system.InitializeAsync();
        try
        {
            var token = await system.TokenAsync(TestClients.Staff);
            using var direct = Client(system.ServiceUrls[Services.Planning], token, concurrency);
            using var gateway = Client(system.GatewayUrl, token, concurrency);

            Console.WriteLine($"GET {Path}, {concurrency} concurrent callers, {duration.TotalSeconds:F0} s each after a 2 s warm-up");
            var directResult = await MeasureAsync("direct", direct, concurrency, duration, system);
            var gatewayResult = await MeasureAsync("gateway", gateway, concurrency, duration, system);
            Console.WriteLine($"the gateway's own cost per request: {(gatewayResult.Bytes - directResult.Bytes) / 1024:F1} KB allocated, " +
                $"{gatewayResult.CpuMicroseconds - directResult.CpuMicroseconds:F0} us of CPU");
            Console.WriteLine($"ratio gateway/direct: throughput {gatewayResult.PerSecond / directResult.PerSecond:F2}, " +
                $"p50 {gatewayResult.Latency.Percentile(50) / directResult.Latency.Percentile(50):F2}, " +
                $"p99 {gatewayResult.Latency.Percentile(99) / directResult.Latency.Percentile(99):F2}");
        }
        finally
        {
            await system.DisposeAsync();
        }
    }

    private static HttpClient Client(Uri baseAddress, string token, int concurrency)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<(double PerSecond, Latency Latency, double Bytes, double CpuMicroseconds)> MeasureAsync(
        string label, HttpClient http, int concurrency, TimeSpan duration, TestSystem system)
    {
        await LoopAsync(http, concurrency, TimeSpan.FromSeconds(2), new Latency());
        await ForgetSpansAsync(system);
        var latency = new Latency();
        var start = PerRequestCost.Snapshot.Now();
        var errors = await LoopAsync(http, concurrency, duration, latency);
        var (bytes, cpuMicroseconds) = start.PerRequestUntilNow(latency.Count);
        var perSecond = latency.Count / duration.TotalSeconds;
        Console.WriteLine($"{label,-8} {perSecond,8:F0} req/s  {latency.Summary()}  errors={errors}  " +
            $"{bytes / 1024:F1} KB and {cpuMicroseconds:F0} us CPU per request (caller, gateway and service together)");
        await ForgetSpansAsync(system);
        return (perSecond, latency, bytes, cpuMicroseconds);
    }

    /// <summary>
    /// The test system keeps every span in memory; drop them between phases so one phase's garbage does not slow
    /// the next. The pause lets the last server spans of the phase end before the list is cleared.
    /// </summary>
    private static async Task ForgetSpansAsync(TestSystem system)
    {
        await Task.Delay(500);
        system.Spans.Clear();
    }

    /// <summary>Closed loop: each caller sends its next request when the previous answer arrives.</summary>
    private static async Task<int> LoopAsync(HttpClient http, int concurrency, TimeSpan duration, Latency latency)
    {
        var errors = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(Path);
                await response.Content.LoadIntoBufferAsync();
                if (response.IsSuccessStatusCode)
                {
                    latency.Add(Stopwatch.GetElapsedTime(started));
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return errors;
    }

    /// <summary>Planning alone behind the gateway, with the staff rate limit lifted so the limiter never answers.</summary>
    private sealed class PlanningBehindGateway : TestSystem
    {
        public PlanningBehindGateway() : base(Services.Planning)
        {
            Settings["RateLimits:staff:TokensPerSecond"] = "1000000";
            Settings["RateLimits:staff:Burst"] = "1000000";
        }
    }
}
