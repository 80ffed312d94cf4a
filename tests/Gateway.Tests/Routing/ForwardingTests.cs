using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests.Routing;

[Collection(EdgeSystemCollection.Name)]
public sealed class ForwardingTests(EdgeSystem system)
{
    [Fact]
    public async Task The_service_sees_forwarded_headers_and_continues_the_gateways_trace()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        system.PlanningHeaders.Clear();

        var response = await staff.GetAsync("/api/planning/intake-items").ShouldBe(HttpStatusCode.OK);

        Assert.Equal("127.0.0.1", system.PlanningHeaders["X-Forwarded-For"]);
        Assert.Equal("http", system.PlanningHeaders["X-Forwarded-Proto"]);
        Assert.Equal(system.GatewayUrl.Authority, system.PlanningHeaders["X-Forwarded-Host"]);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").First());

        // W3C trace context: planning's server span continues the trace of the gateway's server span.
        var traceId = ActivityTraceId.CreateFromString(system.PlanningHeaders["traceparent"].Split('-')[1]);
        await Eventually.TrueAsync(() => Task.FromResult(system.Spans.ToArray().Count(s => s.Kind == ActivityKind.Server
            && s.TraceId == traceId && s.GetTagItem("url.path") as string == "/api/planning/intake-items") == 2),
            what: "the gateway's and planning's server spans in one trace");
    }

    [Fact]
    public async Task A_stopped_service_answers_503_problem_quickly_while_the_others_keep_working()
    {
        await system.ServiceApps[Services.Coordination].StopAsync();
        var partner = await system.ClientAsync(TestClients.Interpol);
        var started = DateTime.UtcNow;

        var response = await partner.GetAsync($"/api/coordination/anything/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.ServiceUnavailable);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "The gateway took too long to give up on a stopped service.");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var staff = await system.ClientAsync(TestClients.Staff);
        await staff.GetAsync("/api/planning/intake-items").ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_instance_that_refuses_connections_costs_no_call_not_even_a_post()
    {
        // Planning's second destination refuses every connection; the gateway sends each call to the live
        // instance instead, the body of a POST included (planning answers its own validation problem).
        var staff = await system.ClientAsync(TestClients.Staff);
        for (var i = 0; i < 20; i++)
        {
            await staff.GetAsync("/api/planning/intake-items").ShouldBe(HttpStatusCode.OK);
            var response = await staff.PostAsJsonAsync("/api/planning/programmes", new { title = "", stateCodes = new[] { "KEN" } })
                .ShouldBe(HttpStatusCode.BadRequest);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("requestIds", out _), problem.ToString());
        }
        // Forty calls balanced over two instances: some went to the refusing one first, and were counted.
        var metrics = await system.AnonymousClient().GetStringAsync("/metrics");
        Assert.Contains(metrics.Split('\n'), line => line.StartsWith("programmes_gateway_failovers_total{", StringComparison.Ordinal)
            && line.Contains("cluster=\"planning\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_route_timeout_answers_504_problem_not_a_client_error()
    {
        var started = DateTime.UtcNow;

        var response = await system.AnonymousClient().GetAsync(EdgeSystem.SlowPath).ShouldBe(HttpStatusCode.GatewayTimeout);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4), "The gateway waited past the route's one-second timeout.");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
