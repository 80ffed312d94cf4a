using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.EndToEnd.Tests;

/// <summary>The plumbing proven end to end: a State's request crosses gateway, intake, outbox, broker and planning.</summary>
public sealed class FirstJourneyTests(TestSystem system) : IClassFixture<TestSystem>
{
    [Fact]
    public async Task A_submitted_request_reaches_planning_in_one_trace()
    {
        var state = await system.ClientAsync(TestClients.StateKenya);
        var staff = await system.ClientAsync(TestClients.Staff);

        var response = await state.PostAsJsonAsync("/api/intake/requests", new
        {
            stateCode = "KEN",
            requestingAuthority = "Office of the Attorney General",
            thematicAreas = new[] { "RATIFICATION" },
            needs = "Assistance to ratify the remaining instruments.",
        }).ShouldBe(HttpStatusCode.Created);
        var requestId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.NotNull(response.Headers.Location);

        var item = await Eventually.GetAsync(async () =>
        {
            var items = await staff.GetItemsAsync($"/api/planning/intake-items?requestId={requestId}");
            return items is { Length: 1 } ? items[0] : (JsonElement?)null;
        }, what: "the planning intake item");
        Assert.Equal("KEN", item.GetProperty("stateCode").GetString());

        // The POST is served twice (gateway, then intake): both server spans, the relay, the broker hop and
        // planning's consumer belong to one trace.
        // Other test classes run in this process too: find our trace by the request id intake tagged.
        var intakeSpan = await Eventually.GetAsync(() => Task.FromResult(system.Spans.ToArray().FirstOrDefault(s =>
            s.Kind == ActivityKind.Server && s.GetTagItem("programmes.request_id") as string == requestId.ToString())), what: "intake's server span");
        var traceId = intakeSpan.TraceId;
        var serverSpans = system.Spans.ToArray().Where(s => s.TraceId == traceId && s.Kind == ActivityKind.Server).ToArray();
        var ports = serverSpans.Select(s => s.GetTagItem("server.port")).Distinct().ToArray();
        Assert.True(ports.Contains(system.GatewayUrl.Port) && ports.Contains(system.ServiceUrls[Services.Intake].Port),
            "server spans: " + string.Join("; ", serverSpans.Select(s => $"{s.DisplayName} {s.GetTagItem("server.port")} {s.SpanId}")));
        await Eventually.TrueAsync(() => Task.FromResult(system.Spans.ToArray().Any(s =>
            s.TraceId == traceId && s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer)), what: "the consumer span in the same trace");
        var inTrace = system.Spans.ToArray().Where(s => s.TraceId == traceId).ToArray();
        Assert.Contains(inTrace, s => s.Source.Name == "Yarp.ReverseProxy" || s.Source.Name == "System.Net.Http");
        Assert.Contains(inTrace, s => s.Source.Name == "Programmes.Messaging");
        Assert.Contains(inTrace, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer);
        Assert.Contains(inTrace, s => s.Source.Name == "Npgsql");
    }
}
