using System.Diagnostics;
using System.Net.Http.Headers;
using Programmes.LoadGenerator.Driving;
using Programmes.LoadGenerator.Recording;
using Programmes.LoadGenerator.Targets;
using Programmes.ServiceDefaults;

namespace Programmes.LoadGenerator.Scenarios;

/// <summary>
/// The same small authenticated GET on planning (an intake-items lookup that finds nothing) through the gateway
/// (token validation, client status, rate limits, telemetry, YARP) and through a plain nginx started here in
/// front of the same service, alternating in one run. Prints both and the ratio gateway / nginx.
/// </summary>
public sealed class ProxyComparison(Target target, LoadClients clients, LoadOptions options)
{
    private const string Path = "/api/planning/intake-items?requestId=00000000-0000-0000-0000-000000000001";

    public async Task<double> RunAsync(CancellationToken cancellationToken)
    {
        await clients.PrepareAsync(Roles.Staff, "staff", cancellationToken);
        using var nginx = await StartNginxAsync(cancellationToken);
        var nginxUrl = new Uri($"http://127.0.0.1:{options.NginxPort}/");
        var recorder = new Recorder();
        // One token for the nginx path: the service validates it, nothing else looks at it.
        using var probe = await clients.RequestAsync(Roles.Staff, "staff", HttpMethod.Get, Path, cancellationToken: cancellationToken);
        var token = probe.Headers.Authorization!.Parameter!;

        var half = options with { Duration = options.Duration / 2, Warmup = TimeSpan.FromSeconds(1), Rate = null, Concurrency = options.Concurrency ?? 32 };
        var elapsed = new Dictionary<string, TimeSpan> { ["gateway"] = TimeSpan.Zero, ["nginx"] = TimeSpan.Zero };
        foreach (var round in new[] { "gateway", "nginx", "gateway", "nginx" })
        {
            IScenario scenario = round == "gateway"
                ? new Get("gateway", recorder, (n, ct) => clients.SendAsync(Roles.Staff, "staff", HttpMethod.Get, Path, null, ct))
                : new Get("nginx", recorder, (n, ct) =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, new Uri(nginxUrl, Path));
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    return clients.SendRequestAsync(request, ct);
                });
            elapsed[round] += await Driver.RunAsync(scenario, recorder, half, cancellationToken);
        }
        var gateway = recorder.Operations["gateway"];
        var direct = recorder.Operations["nginx"];
        Console.WriteLine($"== small GET, closed loop {half.Concurrency} callers, {options.Duration.TotalSeconds:F0} s each (two alternating halves)");
        Console.WriteLine($"  gateway {gateway.Summary(elapsed["gateway"])}");
        Console.WriteLine($"  nginx   {direct.Summary(elapsed["nginx"])}");
        var ratio = gateway.Succeeded / elapsed["gateway"].TotalSeconds / (direct.Succeeded / elapsed["nginx"].TotalSeconds);
        Console.WriteLine($"  gateway / nginx throughput ratio = {ratio:F2} (goal >= 0.8)");
        return ratio;
    }

    private async Task<NginxProcess> StartNginxAsync(CancellationToken cancellationToken)
    {
        var prefix = Directory.CreateTempSubdirectory("programmes-nginx-").FullName;
        var upstream = $"{target.PlanningService.Host}:{target.PlanningService.Port}";
        var config = (await File.ReadAllTextAsync(System.IO.Path.Combine(AppContext.BaseDirectory, "nginx.conf"), cancellationToken))
            .Replace("@PREFIX@", prefix, StringComparison.Ordinal)
            .Replace("@PORT@", options.NginxPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@UPSTREAM@", upstream, StringComparison.Ordinal);
        var path = System.IO.Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(path, config, cancellationToken);
        var process = Process.Start(new ProcessStartInfo("nginx", ["-p", prefix, "-c", path]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("nginx did not start.");
        var ready = Stopwatch.StartNew();
        while (ready.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync(cancellationToken)}");
            }
            try
            {
                using var response = await target.Http.GetAsync(new Uri($"http://127.0.0.1:{options.NginxPort}/health/live"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    Console.WriteLine($"nginx {process.Id} on 127.0.0.1:{options.NginxPort} -> {upstream} (config {path})");
                    return new NginxProcess(process);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, cancellationToken);
        }
        process.Kill();
        throw new InvalidOperationException("nginx did not answer within 10 s.");
    }

    /// <summary>Stops the nginx this run started (its master process and, with it, its workers).</summary>
    private sealed class NginxProcess(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
            process.Dispose();
        }
    }

    private sealed class Get(string name, Recorder recorder, Func<long, CancellationToken, Task<HttpResponseMessage>> call) : IScenario
    {
        public string Operation => name;
        public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public async Task RunOnceAsync(long n, long scheduledAt, CancellationToken cancellationToken)
        {
            using var response = await Timed.SendAsync(recorder, name, () => call(n, cancellationToken), scheduledAt);
        }
        public Task ReportAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
