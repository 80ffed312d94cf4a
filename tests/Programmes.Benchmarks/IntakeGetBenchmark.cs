using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Programmes.Contracts;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;
using Programmes.RequestIntake.ViewingRequests;
using Programmes.Testing;

namespace Programmes.Benchmarks;

/// <summary>
/// Issue 17's hot read, <c>GET /api/intake/requests/{id}</c>, measured per request in one process against a real
/// PostgreSQL: the handler alone (scope, pooled context, its queries, the view), then the whole HTTP request
/// straight to request-intake (Kestrel, token validation, authorization, JSON, telemetry, plus this client), and
/// <c>/health/live</c> over the same connections as the floor of client and Kestrel. Allocated bytes per request are
/// stable under machine load; CPU per request is the process's, so it moves with contention.
/// </summary>
public sealed class IntakeGetBenchmark : IBenchmark
{
    private const int Seeded = 200;
    private const int Callers = 8;

    public string Name => "intake-get";
    public string Description => "GET one request by id: handler alone and over HTTP, allocated bytes and CPU per request";

    public async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 20_000;
        var system = new IntakeOnly();
        await system.InitializeAsync();
        try
        {
            var ids = await SeedAsync(system);
            var token = await system.TokenAsync(TestClients.StateKenya);
            var handler = HandlerCall(system, ids);
            var direct = HttpCall(system.ServiceUrls[Services.Intake], token, i => $"/api/intake/requests/{ids[i % ids.Length]}");
            var floor = HttpCall(system.ServiceUrls[Services.Intake], token, _ => "/health/live");

            await PerRequestCost.MeasureAsync("warm-up", handler, count / 4, 1, quiet: true);
            await PerRequestCost.MeasureAsync("warm-up", direct, count / 2, Callers, quiet: true);
            await PerRequestCost.MeasureAsync("warm-up", floor, count / 4, Callers, quiet: true);
            for (var round = 1; round <= 2; round++)
            {
                Console.WriteLine($"round {round}");
                system.Spans.Clear(); // the test system keeps every span in memory; that would be counted as the GC's
                await PerRequestCost.MeasureAsync("handler alone (1 caller)", handler, count / 2, 1);
                var all = await PerRequestCost.MeasureAsync($"GET by id over HTTP ({Callers} callers)", direct, count, Callers);
                var least = await PerRequestCost.MeasureAsync($"/health/live over HTTP ({Callers} callers)", floor, count, Callers);
                Console.WriteLine($"  {"GET above /health/live",-40} {all.Bytes - least.Bytes,8:N0} B/request {all.CpuMicros - least.CpuMicros,8:N0} µs CPU/request");
            }
            system.Spans.Clear();
            PerRequestCost.PrintMemory();
        }
        finally
        {
            await system.DisposeAsync();
        }
    }

    private static Func<int, Task> HandlerCall(TestSystem system, Guid[] ids)
    {
        var services = system.ServiceApps[Services.Intake].Services;
        var kenya = TestClients.StateKenya.Principal();
        return async i =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
            var result = await GetRequest.Handle(ids[i % ids.Length], kenya, db, CancellationToken.None);
            if (result.Result is not Microsoft.AspNetCore.Http.HttpResults.Ok<RequestView>)
            {
                throw new InvalidOperationException($"The handler did not find request {ids[i % ids.Length]}.");
            }
        };
    }

    private static Func<int, Task> HttpCall(Uri service, string token, Func<int, string> path)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Callers }) { BaseAddress = service };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return async i =>
        {
            using var response = await http.GetAsync(path(i), HttpCompletionOption.ResponseHeadersRead);
            await response.Content.CopyToAsync(Stream.Null);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path(i)}: {(int)response.StatusCode}");
            }
        };
    }

    private static async Task<Guid[]> SeedAsync(TestSystem system)
    {
        using var scope = system.ServiceApps[Services.Intake].Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
        var now = DateTimeOffset.UtcNow;
        var ids = new Guid[Seeded];
        for (var i = 0; i < Seeded; i++)
        {
            var submitted = now.AddMinutes(-i);
            var request = new AssistanceRequest
            {
                Id = ids[i] = Guid.CreateVersion7(submitted),
                StateCode = "KEN",
                Origin = RequestOrigin.MemberState,
                RequestingAuthority = "Ministry of Justice",
                ThematicAreas = ["BORDER-MANAGEMENT", "RATIFICATION"],
                Needs = "Seeded request for the GET-by-id benchmark.",
                Status = RequestStatus.Submitted,
                SubmittedAt = submitted,
                UpdatedAt = submitted,
            };
            db.Requests.Add(request);
            db.Timeline.Add(TimelineEntry.For(request, submitted, TimelineKind.Submitted, "Submitted for screening."));
            db.Timeline.Add(TimelineEntry.For(request, submitted.AddSeconds(1), TimelineKind.Accepted, "Accepted by staff."));
        }
        await db.SaveChangesAsync();
        return ids;
    }

    private sealed class IntakeOnly() : TestSystem(Services.Intake);
}
