using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Programmes.Contracts;
using Programmes.Testing;

namespace Programmes.Benchmarks;

/// <summary>
/// One clearance round opened for 200 partners, each with an endpoint on a local receiver: how fast the
/// dispatcher fans the event out. Latency runs from publishing ProgrammeProposed on the broker to the
/// receiver reading the signed request, so it includes the consumer, the delivery table and signing.
/// </summary>
public sealed class WebhookBenchmark : IBenchmark
{
    private const int Partners = 200;
    private const int Rounds = 3;

    public string Name => "webhooks";
    public string Description => $"fan one event out to {Partners} partner endpoints: deliveries/s and p99 delivery latency";

    public async Task RunAsync(string[] args)
    {
        var system = new CoordinationOnly();
        await system.InitializeAsync();
        try
        {
            await MeasureAsync(system);
        }
        finally
        {
            await system.DisposeAsync();
        }
    }

    private static async Task MeasureAsync(TestSystem system)
    {
        var received = new ConcurrentQueue<(int Partner, long At)>();
        await using var receiver = await StartReceiverAsync(received);

        var staff = await system.ClientAsync(TestClients.Staff);
        for (var i = 0; i < Partners; i++)
        {
            var code = $"BENCH-{i:000}";
            (await staff.PostAsJsonAsync("/api/coordination/partners", new
            {
                code,
                name = code,
                kind = "benchmark",
                interests = new { thematicAreas = new[] { "BORDER-MANAGEMENT" }, stateCodes = new[] { "KEN" } },
            })).EnsureSuccessStatusCode();
            (await staff.PostAsJsonAsync($"/api/coordination/partners/{code}/endpoints", new
            {
                url = $"{receiver.Url}r/{i}",
                eventTypes = new[] { "clearance.round.opened" },
            })).EnsureSuccessStatusCode();
        }
        var bus = system.ServiceApps[Services.Coordination].Services.GetRequiredService<IBus>();

        // Round 0 warms up JIT, connection pools and the database; it is not counted.
        var latency = new Latency();
        var rates = new List<double>();
        for (var round = 0; round <= Rounds; round++)
        {
            received.Clear();
            var started = Stopwatch.GetTimestamp();
            await bus.Publish(new ProgrammeProposed(Guid.NewGuid(), $"Benchmark {round}", ["KEN"], ["BORDER-MANAGEMENT"], [], [],
                1_000m, DateTimeOffset.UtcNow));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (received.Count < Partners && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
            var times = received.Select(r => Stopwatch.GetElapsedTime(started, r.At)).ToArray();
            if (times.Length < Partners)
            {
                Console.WriteLine($"round {round}: only {times.Length} of {Partners} deliveries within 60 s");
            }
            var fanOut = times.Max() - times.Min();
            var rate = times.Length / Math.Max(fanOut.TotalSeconds, 0.001);
            Console.WriteLine($"round {round}{(round == 0 ? " (warm-up)" : "")}: {times.Length} deliveries, first after {times.Min().TotalMilliseconds:F0} ms, " +
                $"last after {times.Max().TotalMilliseconds:F0} ms, fan-out {rate:F0} deliveries/s");
            if (round > 0)
            {
                rates.Add(rate);
                foreach (var t in times)
                {
                    latency.Add(t);
                }
            }
        }
        Console.WriteLine($"deliveries/s (first to last delivery of a round, mean of {Rounds}): {rates.Average():F0}");
        Console.WriteLine($"delivery latency from publish: {latency.Summary()}");
    }

    private static async Task<Receiver> StartReceiverAsync(ConcurrentQueue<(int, long)> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/r/{partner:int}", async (int partner, HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            received.Enqueue((partner, Stopwatch.GetTimestamp()));
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Receiver(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private sealed record Receiver(WebApplication App, Uri Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private sealed class CoordinationOnly() : TestSystem(Services.Coordination);
}
