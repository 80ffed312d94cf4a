using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;
using Programmes.RequestIntake.SubmittingRequest;
using Programmes.Testing;

namespace Programmes.Benchmarks;

/// <summary>
/// Issue 17's submission, <c>POST /api/intake/requests</c>, measured per request in one process against a real
/// PostgreSQL and RabbitMQ, like <see cref="IntakeGetBenchmark"/>: the handler alone (scope, pooled context, the
/// duplicates query, SaveChanges of the request, its timeline entry, its outbox row and its audit entry), then the
/// whole POST over HTTP straight to request-intake with a Kenyan State token, then <c>/health/live</c> as the floor.
/// Intake's outbox relay runs in the same process and publishes every submission, so its work is in the figures,
/// as it is in the service. Thousands of open Kenyan requests are seeded first, as the load generator leaves them.
/// </summary>
public sealed class IntakeSubmitBenchmark : IBenchmark
{
    private const int Callers = 8;

    public string Name => "intake-submit";
    public string Description => "POST a request: handler alone and over HTTP, allocated bytes and CPU per request, SQL commands per request";

    public async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 4_000;
        var seeded = args.Length > 1 && int.TryParse(args[1], out var s) ? s : 5_000;
        var system = new IntakeOnly
        {
            // Planning's queue is not there to take AssistanceRequestSubmitted: without this the broker would return
            // every event and the relay would retry (and log) each one. Publishing and its confirm cost the same.
            Configure = (_, builder) => builder.Services.PostConfigure<OutboxRelayOptions>(o => o.MustBeRouted = _ => false),
        };
        await system.InitializeAsync();
        try
        {
            await SeedAsync(system, seeded);
            await ExplainDuplicatesAsync(system, "BORDER-MANAGEMENT");
            var token = await system.TokenAsync(TestClients.StateKenya);
            var handler = HandlerCall(system);
            var direct = PostCall(system.ServiceUrls[Services.Intake], token);
            var floor = HealthCall(system.ServiceUrls[Services.Intake], token);

            await PerRequestCost.MeasureAsync("warm-up", handler, count / 4, 1, quiet: true);
            await PerRequestCost.MeasureAsync("warm-up", direct, count / 2, Callers, quiet: true);
            await PerRequestCost.MeasureAsync("warm-up", floor, count, Callers, quiet: true);
            await CommandsPerRequestAsync(system, direct);
            for (var round = 1; round <= 2; round++)
            {
                Console.WriteLine($"round {round} ({await OpenKenyanAsync(system):N0} open Kenyan requests before it)");
                system.Spans.Clear(); // the test system keeps every span in memory; that would be counted as the GC's
                await PerRequestCost.MeasureAsync("handler alone (1 caller)", handler, count / 2, 1);
                system.Spans.Clear();
                var all = await PerRequestCost.MeasureAsync($"POST over HTTP ({Callers} callers)", direct, count, Callers);
                system.Spans.Clear();
                var least = await PerRequestCost.MeasureAsync($"/health/live over HTTP ({Callers} callers)", floor, count, Callers);
                Console.WriteLine($"  {"POST above /health/live",-40} {all.Bytes - least.Bytes,8:N0} B/request {all.CpuMicros - least.CpuMicros,8:N0} µs CPU/request");
            }
            system.Spans.Clear();
            await ExplainDuplicatesAsync(system, "RATIFICATION");
            await ExplainDuplicatesAsync(system, "BORDER-MANAGEMENT");
            PerRequestCost.PrintMemory();
        }
        finally
        {
            await system.DisposeAsync();
        }
    }

    // The SQL a submission sends: the commands of 200 POSTs, from Npgsql's spans, by operation. The relay's commands
    // (claiming and marking the outbox rows) are in the same process and counted apart.
    private static async Task CommandsPerRequestAsync(TestSystem system, Func<int, Task> call)
    {
        const int Sample = 200;
        system.Spans.Clear();
        for (var i = 0; i < Sample; i++)
        {
            await call(i);
        }
        await Task.Delay(TimeSpan.FromSeconds(3)); // let the relay publish them, so its commands are counted with them
        List<System.Diagnostics.Activity> commands;
        lock (system.Spans)
        {
            commands = system.Spans.Where(a => a.Source.Name == "Npgsql").ToList();
            Console.WriteLine($"SQL commands per POST ({Sample} POSTs, one caller): {commands.Count / (double)Sample:N2} in all");
            foreach (var group in commands.GroupBy(Describe).OrderByDescending(g => g.Count()))
            {
                Console.WriteLine($"  {group.Count() / (double)Sample,6:N2}  {group.Key}");
            }
        }
        var duplicates = commands.Select(c => c.GetTagItem("db.query.text") as string).FirstOrDefault(t => t?.Contains("thematic_areas", StringComparison.Ordinal) == true);
        Console.WriteLine($"the duplicates query: {duplicates}");
        system.Spans.Clear();
    }

    private static string Describe(System.Diagnostics.Activity command)
    {
        var text = command.GetTagItem("db.query.text") as string ?? command.GetTagItem("db.statement") as string ?? command.DisplayName;
        text = string.Join(' ', text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 110 ? text[..110] + "..." : text;
    }

    private static Func<int, Task> HandlerCall(TestSystem system)
    {
        var services = system.ServiceApps[Services.Intake].Services;
        var kenya = TestClients.StateKenya.Principal();
        // The endpoint's handler is private to its slice; the benchmark calls it as the endpoint does.
        var handle = typeof(SubmittingRequestEndpoint).GetMethod("Handle", BindingFlags.NonPublic | BindingFlags.Static)!
            .CreateDelegate<Func<SubmitRequest, ClaimsPrincipal, IntakeDb, TimeProvider, CancellationToken, Task<Results<Created<RequestView>, ValidationProblem>>>>();
        var clock = services.GetRequiredService<TimeProvider>();
        return async i =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
            var body = new SubmitRequest("KEN", "Office of the Attorney General", [i % 2 == 0 ? "RATIFICATION" : "LEGISLATIVE-INCORPORATION"],
                $"Assistance to ratify the remaining instruments (handler {i}).", DesiredStart: Today.AddDays(60 + i % 300));
            var result = await handle(body, kenya, db, clock, CancellationToken.None);
            if (result.Result is not Created<RequestView>)
            {
                throw new InvalidOperationException("The handler did not create the request.");
            }
        };
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    // The load generator's body (tests/Programmes.LoadGenerator Bodies.Request), as bytes ready to send.
    private static Func<int, Task> PostCall(Uri service, string token)
    {
        var http = Client(service, token);
        return async i =>
        {
            var json = $$"""{"stateCode":"KEN","requestingAuthority":"Office of the Attorney General","thematicAreas":["{{(i % 2 == 0 ? "RATIFICATION" : "LEGISLATIVE-INCORPORATION")}}"],"needs":"Assistance to ratify the remaining instruments (load {{i}}).","desiredStart":"{{Today.AddDays(60 + i % 300):O}}"}""";
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/api/intake/requests", content);
            await response.Content.CopyToAsync(Stream.Null);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"POST: {(int)response.StatusCode}");
            }
        };
    }

    private static Func<int, Task> HealthCall(Uri service, string token)
    {
        var http = Client(service, token);
        return async _ =>
        {
            using var response = await http.GetAsync("/health/live", HttpCompletionOption.ResponseHeadersRead);
            await response.Content.CopyToAsync(Stream.Null);
        };
    }

    private static HttpClient Client(Uri service, string token)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Callers }) { BaseAddress = service };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<int> OpenKenyanAsync(TestSystem system)
    {
        using var scope = system.ServiceApps[Services.Intake].Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
        return await db.Requests.CountAsync(r => r.StateCode == "KEN" && AssistanceRequest.Open.Contains(r.Status));
    }

    // The duplicates query's plan on the accumulated requests: an area many open requests share (20 found early in
    // submission order) and one no open request has (every open Kenyan request must be ruled out).
    private static async Task ExplainDuplicatesAsync(TestSystem system, string area)
    {
        using var scope = system.ServiceApps[Services.Intake].Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<IntakeDb>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            EXPLAIN (ANALYZE, BUFFERS) SELECT a.id FROM assistance_requests AS a
            WHERE a.state_code = 'KEN' AND a.id <> '{Guid.CreateVersion7()}'
              AND a.status IN ('AwaitingStateEndorsement', 'Submitted', 'InformationRequested', 'Accepted') AND a.status <> 'AwaitingStateEndorsement'
              AND a.thematic_areas && ARRAY['{area}'] AND (a.desired_end IS NULL OR a.desired_end >= DATE '{Today.AddDays(90):yyyy-MM-dd}')
            ORDER BY a.submitted_at LIMIT 20
            """;
        Console.WriteLine($"EXPLAIN ANALYZE of the duplicates query, area {area}:");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine($"  {reader.GetString(0)}");
        }
    }

    // Open requests as the load generator leaves them: submitted, one of its two areas, a desired start, no end.
    private static async Task SeedAsync(TestSystem system, int seeded)
    {
        using var scope = system.ServiceApps[Services.Intake].Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDb>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < seeded; i++)
        {
            var submitted = now.AddSeconds(-i);
            var request = new AssistanceRequest
            {
                Id = Guid.CreateVersion7(submitted),
                StateCode = "KEN",
                Origin = RequestOrigin.MemberState,
                RequestingAuthority = "Office of the Attorney General",
                ThematicAreas = [i % 2 == 0 ? "RATIFICATION" : "LEGISLATIVE-INCORPORATION"],
                Needs = $"Seeded open request {i}.",
                Status = RequestStatus.Submitted,
                DesiredStart = Today.AddDays(60 + i % 300),
                SubmittedAt = submitted,
                UpdatedAt = submitted,
            };
            db.Requests.Add(request);
            db.Timeline.Add(TimelineEntry.For(request, submitted, TimelineKind.Submitted, "Submitted for screening."));
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"seeded {seeded:N0} open Kenyan requests");
    }

    private sealed class IntakeOnly() : TestSystem(Services.Intake);
}
