using System.Diagnostics;
using System.Net;
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
}
