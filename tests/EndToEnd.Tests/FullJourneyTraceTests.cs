using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Programmes.Messaging;
using Programmes.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Programmes.EndToEnd.Tests;

/// <summary>
/// A request's whole journey (submitted, screened, planned, cleared, funded, approved) through the gateway,
/// seen the way operations staff see it: by the request id on the spans. Each staff, partner or donor action
/// starts its own trace; the events it causes continue that trace through outbox, broker and consumers.
/// </summary>
public sealed class FullJourneyTraceTests(TestSystem system, ITestOutputHelper output) : IClassFixture<TestSystem>
{
    [Fact]
    public async Task Every_trace_of_a_journey_is_found_by_its_request_id_and_carries_no_secrets()
    {
        // Submitted by the State, screened by staff, planned, reviewed and proposed, cleared by CTED, funded by
        // Norway, approved once cleared, reviewed and funded, and the approval on the State's timeline.
        var journey = await (await Journey.StartAsync(system)).RunAsync(deliver: false);
        var requestId = journey.RequestId;

        // The business figures of the journey are on the services' scrape endpoints.
        foreach (var app in system.ServiceApps.Values)
        {
            await app.Services.GetRequiredService<DatabaseGauges>().RefreshAsync(CancellationToken.None);
        }
        using var scraper = new HttpClient();
        var intakeMetrics = await scraper.GetStringAsync(new Uri(system.ServiceUrls[Services.Intake], "/metrics"));
        Assert.Matches("programmes_intake_requests_submitted_total\\{[^}]*state=\"KEN\"[^}]*thematic_area=\"RATIFICATION\"[^}]*\\} [1-9]", intakeMetrics);
        var planningMetrics = await scraper.GetStringAsync(new Uri(system.ServiceUrls[Services.Planning], "/metrics"));
        Assert.Matches("programmes_planning_programmes\\{[^}]*status=\"Approved\"[^}]*\\} [1-9]", planningMetrics);
        Assert.Contains("programmes_consumer_lag_seconds_bucket", planningMetrics);
        var fundingMetrics = await scraper.GetStringAsync(new Uri(system.ServiceUrls[Services.Funding], "/metrics"));
        Assert.Contains("programmes_funding_gap_USD", fundingMetrics);

        // Operations' view: every span tagged with the request, then everything in those traces.
        var id = requestId.ToString();
        var traces = await Eventually.GetAsync(() =>
        {
            var ids = Snapshot().Where(s => (s.GetTagItem("programmes.request_id") as string)?.Contains(id, StringComparison.Ordinal) == true)
                .Select(s => s.TraceId).ToHashSet();
            var spans = Snapshot().Where(s => ids.Contains(s.TraceId)).ToArray();
            return Task.FromResult(ConsumersOf(spans).Count >= 4 ? spans : null);
        }, what: "consumer spans of every service in the request's traces");
        Describe(traces);

        // Servers: the gateway and every service answered within the request's traces.
        var ports = traces.Where(s => s.Kind == ActivityKind.Server).Select(s => s.GetTagItem("server.port")).OfType<int>().ToHashSet();
        Assert.Contains(system.GatewayUrl.Port, ports);
        foreach (var service in new[] { Services.Intake, Services.Planning, Services.Coordination, Services.Funding })
        {
            Assert.Contains(system.ServiceUrls[service].Port, ports);
        }

        // Consumers: every service consumed a message of this journey (intake follows the programme).
        Assert.Equivalent(new[] { "coordination", "funding", "intake", "planning" }, ConsumersOf(traces).Order().ToArray());

        // Relays, broker hops and database calls are in the same traces.
        Assert.Contains(traces, s => s.Source.Name == "Programmes.Messaging" && s.DisplayName.StartsWith("outbox relay", StringComparison.Ordinal));
        Assert.Contains(traces, s => s.Source.Name == "Npgsql");

        // Parent/child links: each consumer span (receive, then process) descends from a producer span of its
        // trace, each producer from a relay span, and each relay continues a span of the transaction that wrote
        // the event.
        var byId = traces.ToDictionary(s => (s.TraceId, s.SpanId));
        var consumers = traces.Where(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer).ToArray();
        Assert.NotEmpty(consumers);
        foreach (var consumer in consumers)
        {
            var producer = Ancestors(consumer, byId).SkipWhile(a => a.Kind == ActivityKind.Consumer).FirstOrDefault();
            Assert.True(producer?.Kind == ActivityKind.Producer, $"{consumer.DisplayName} descends from a producer span of its trace");
            Assert.Contains(Ancestors(producer!, byId), a => a.Source.Name == "Programmes.Messaging");
        }
        foreach (var relay in traces.Where(s => s.Source.Name == "Programmes.Messaging"))
        {
            Assert.True(byId.ContainsKey((relay.TraceId, relay.ParentSpanId)), $"the parent of {relay.DisplayName} is in the trace");
        }

        // The submission's trace runs gateway -> intake -> relay -> broker -> planning.
        var submission = traces.Single(s => s.Kind == ActivityKind.Server && s.GetTagItem("server.port") is int port
            && port == system.ServiceUrls[Services.Intake].Port && s.GetTagItem("http.request.method") as string == "POST"
            && s.GetTagItem("url.path") as string == "/api/intake/requests");
        Assert.Contains(Ancestors(submission, byId), a => a.Kind == ActivityKind.Server && a.GetTagItem("server.port") is int p && p == system.GatewayUrl.Port);

        // Nothing personal or secret in any span of the whole process.
        var secrets = new List<string> { Journey.ContactEmail, Journey.ContactPerson };
        secrets.AddRange(TestClients.All.Select(c => c.ClientSecret));
        foreach (var client in new[] { TestClients.StateKenya, TestClients.Staff, TestClients.Cted, TestClients.DonorNorway })
        {
            secrets.Add(await system.TokenAsync(client));
        }
        foreach (var span in Snapshot())
        {
            var texts = span.TagObjects.Select(t => $"{t.Key}={t.Value}")
                .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")))
                .Append(span.DisplayName).Append(span.StatusDescription ?? "");
            foreach (var text in texts)
            {
                Assert.DoesNotContain(secrets, secret => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    // The exporter appends while we read: a copy taken mid-append may hold an empty slot.
    private Activity[] Snapshot() => [.. system.Spans.ToArray().Where(s => s is not null)];

    /// <summary>The services whose MassTransit consumers took part: queues are named "&lt;service&gt;-&lt;consumer&gt;".</summary>
    private static HashSet<string> ConsumersOf(IEnumerable<Activity> spans) =>
        spans.Where(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer)
            .Select(s => s.GetTagItem("messaging.destination.name") as string ?? s.DisplayName)
            .Select(name => name.Split('-', ' ')[0])
            .Where(service => service is "intake" or "planning" or "coordination" or "funding")
            .ToHashSet();

    private static IEnumerable<Activity> Ancestors(Activity span, Dictionary<(ActivityTraceId, ActivitySpanId), Activity> byId)
    {
        var current = span;
        while (byId.TryGetValue((current.TraceId, current.ParentSpanId), out var parent))
        {
            yield return parent;
            current = parent;
        }
    }

    private void Describe(IEnumerable<Activity> spans)
    {
        foreach (var trace in spans.GroupBy(s => s.TraceId))
        {
            output.WriteLine($"trace {trace.Key}: {trace.Count()} spans");
            foreach (var s in trace.Where(s => s.Kind != ActivityKind.Internal || s.Source.Name == "Programmes.Messaging").OrderBy(s => s.StartTimeUtc))
            {
                output.WriteLine($"  {s.Source.Name,-22} {s.Kind,-8} {s.DisplayName} [{s.GetTagItem("messaging.destination.name")}]");
            }
        }
    }
}
