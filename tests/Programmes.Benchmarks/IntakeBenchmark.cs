using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Programmes.Contracts;
using Programmes.ReferenceData;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;
using Programmes.Testing;

namespace Programmes.Benchmarks;

/// <summary>
/// Seeds 10,000 requests straight into intake's database, then pages through them over HTTP via the
/// gateway with the filters States and staff use, printing per-page latency.
/// </summary>
public sealed class IntakeBenchmark : IBenchmark
{
    private const int Requests = 10_000;
    private const int PageSize = 20;

    public string Name => "intake-listing";
    public string Description => $"page through {Requests:N0} requests with filters via the gateway (goal: < 50 ms per page)";

    public async Task RunAsync(string[] args)
    {
        var system = new IntakeOnly();
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
        var seeding = Stopwatch.StartNew();
        await SeedAsync(system);
        Console.WriteLine($"seeded {Requests:N0} requests in {seeding.Elapsed.TotalSeconds:F1} s");

        var kenya = await system.ClientAsync(TestClients.StateKenya);
        var staff = await system.ClientAsync(TestClients.Staff);
        var from = DateTime.UtcNow.AddDays(-365).ToString("yyyy-MM-dd");
        (string Label, HttpClient Client, string Query)[] scenarios =
        [
            ("state: own requests", kenya, ""),
            ("state: status=Submitted", kenya, "status=Submitted"),
            ("state: thematicArea + from", kenya, $"thematicArea=BORDER-MANAGEMENT&from={from}"),
            ("staff: all", staff, ""),
            ("staff: status=Accepted", staff, "status=Accepted"),
            ("staff: thematicArea=RATIFICATION", staff, "thematicArea=RATIFICATION"),
            ("staff: stateCode=NER + status", staff, "stateCode=NER&status=Submitted"),
        ];
        // Warm-up: JIT, connection pools, token validation.
        for (var i = 0; i < 20; i++)
        {
            await kenya.GetAsync($"/api/intake/requests?pageSize={PageSize}");
        }

        var overall = new Latency();
        foreach (var (label, client, query) in scenarios)
        {
            var latency = new Latency();
            var total = int.MaxValue;
            for (var page = 1; (page - 1) * PageSize < total && page <= 50; page++)
            {
                var watch = Stopwatch.StartNew();
                var response = await client.GetAsync($"/api/intake/requests?{query}&page={page}&pageSize={PageSize}");
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                watch.Stop();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{label}: {(int)response.StatusCode} {body}");
                }
                total = body.GetProperty("total").GetInt32();
                latency.Add(watch.Elapsed);
                overall.Add(watch.Elapsed);
            }
            Console.WriteLine($"{label,-36} matches={total,6}  {latency.Summary()}");
        }
        Console.WriteLine($"{"all pages",-36} {"",13}  {overall.Summary()}");
    }

    private static async Task SeedAsync(TestSystem system)
    {
        using var scope = system.ServiceApps[Services.Intake].Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(2017);
        var states = Reference.MemberStates.Keys.ToArray();
        var areas = Reference.ThematicAreas.Keys.ToArray();
        var statuses = Enum.GetValues<RequestStatus>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Requests; i++)
        {
            // A tenth of all requests are Kenya's, so a State pages through hundreds of its own.
            var state = i % 10 == 0 ? "KEN" : states[random.Next(states.Length)];
            var submitted = now.AddMinutes(-random.Next(2 * 365 * 24 * 60));
            var start = DateOnly.FromDateTime(submitted.UtcDateTime).AddDays(random.Next(30, 200));
            var request = new AssistanceRequest
            {
                Id = Guid.CreateVersion7(submitted),
                StateCode = state,
                Origin = RequestOrigin.MemberState,
                RequestingAuthority = "Ministry of Justice",
                ThematicAreas = areas.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList(),
                Needs = "Seeded request for the listing benchmark.",
                DesiredStart = start,
                DesiredEnd = start.AddDays(random.Next(10, 300)),
                Status = statuses[random.Next(statuses.Length)],
                SubmittedAt = submitted,
                UpdatedAt = submitted,
            };
            db.Requests.Add(request);
            db.Timeline.Add(TimelineEntry.For(request, submitted, TimelineKind.Submitted, "Submitted for screening."));
            if (i % 1000 == 999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE assistance_requests; ANALYZE timeline_entries;");
    }

    private sealed class IntakeOnly() : TestSystem(Services.Intake);
}
