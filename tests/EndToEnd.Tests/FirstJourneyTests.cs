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
            var items = await staff.GetFromJsonAsync<JsonElement[]>($"/api/planning/intake-items?requestId={requestId}");
            return items is { Length: 1 } ? items[0] : (JsonElement?)null;
        }, what: "the planning intake item");
        Assert.Equal("KEN", item.GetProperty("stateCode").GetString());

        // The POST is served twice (gateway, then intake): both server spans, the relay, the broker hop and
        // planning's consumer belong to one trace.
        var serverSpans = await Eventually.GetAsync(() =>
        {
            var spans = system.Spans.ToArray().Where(s => s.Kind == ActivityKind.Server
                && s.GetTagItem("url.path") as string == "/api/intake/requests").ToArray();
            return Task.FromResult(spans.Length == 2 ? spans : null);
        }, what: "the gateway's and intake's server spans");
        var traceId = serverSpans[0].TraceId;
        Assert.Equal(traceId, serverSpans[1].TraceId);
        await Eventually.TrueAsync(() => Task.FromResult(system.Spans.ToArray().Any(s =>
            s.TraceId == traceId && s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer)), what: "the consumer span in the same trace");
        var inTrace = system.Spans.ToArray().Where(s => s.TraceId == traceId).ToArray();
        Assert.Contains(inTrace, s => s.Source.Name == "Yarp.ReverseProxy" || s.Source.Name == "System.Net.Http");
        Assert.Contains(inTrace, s => s.Source.Name == "Programmes.Messaging");
        Assert.Contains(inTrace, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer);
        Assert.Contains(inTrace, s => s.Source.Name == "Npgsql");
    }
}
