using System.Net.Http.Json;
using System.Text.Json;
using Programmes.LoadGenerator.Driving;
using Programmes.LoadGenerator.Recording;
using Programmes.LoadGenerator.Targets;
using Programmes.ServiceDefaults;

namespace Programmes.LoadGenerator.Scenarios;

/// <summary>
/// The same submissions as <see cref="SubmitScenario"/> (same States, tokens from the same gateway, same bodies),
/// posted to the floor (tests/Programmes.Floor); after the load it waits until every one reached the floor's planning
/// table and prints the submission-to-planning latency.
/// </summary>
public sealed class FloorScenario(LoadClients clients, Recorder recorder, Uri floor, HttpClient http, TimeSpan settle) : IScenario
{
    private static readonly string[] States = ["KEN", "NER"];

    public string Operation => "floor-submit";

    public (double P50, double P99)? Latency { get; private set; }

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        foreach (var state in States)
        {
            await clients.PrepareAsync(Roles.State, state, cancellationToken);
        }
        (await http.PostAsync(new Uri(floor, "/floor/reset"), null, cancellationToken)).EnsureSuccessStatusCode();
    }

    public async Task RunOnceAsync(long n, long scheduledAt, CancellationToken cancellationToken)
    {
        var state = States[n % States.Length];
        using var response = await Timed.SendAsync(recorder, Operation, async () =>
        {
            var request = await clients.RequestAsync(Roles.State, state, HttpMethod.Post, "/api/intake/requests", Bodies.Request(n, state), cancellationToken);
            request.RequestUri = new Uri(floor, "/api/intake/requests");
            return await clients.SendRequestAsync(request, cancellationToken);
        }, scheduledAt);
    }

    /// <summary>Waits until the floor's pipeline drained (every request has its planning item), at most the settle time without progress.</summary>
    public async Task ReportAsync(CancellationToken cancellationToken)
    {
        var (last, since) = (-1L, DateTime.UtcNow);
        while (true)
        {
            var counts = await http.GetFromJsonAsync<JsonElement>(new Uri(floor, "/floor/counts"), cancellationToken);
            var (requests, items) = (counts.GetProperty("requests").GetInt64(), counts.GetProperty("planningItems").GetInt64());
            if (items >= requests || DateTime.UtcNow - since > settle)
            {
                Latency = (counts.GetProperty("p50Milliseconds").GetDouble(), counts.GetProperty("p99Milliseconds").GetDouble());
                Console.WriteLine($"floor: {items} of {requests} requests reached planning; submission -> planning p50 {Latency.Value.P50:F0} ms, p99 {Latency.Value.P99:F0} ms");
                return;
            }
            (last, since) = items > last ? (items, DateTime.UtcNow) : (last, since);
            await Task.Delay(100, cancellationToken);
        }
    }
}
