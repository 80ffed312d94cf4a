using System.Diagnostics;
using System.Net;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests.Routing;

[Collection(EdgeSystemCollection.Name)]
public sealed class ForwardingTests(EdgeSystem system)
{
    [Fact]
    public async Task The_service_sees_forwarded_headers_and_the_callers_trace_context()
    {
        // A caller outside the process: nothing in this test process may rewrite the trace context it sends.
        using var staff = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator() })
        {
            BaseAddress = system.GatewayUrl,
        };
        staff.DefaultRequestHeaders.Authorization = new("Bearer", await system.TokenAsync(TestClients.Staff));
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/planning/intake-items");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        system.PlanningHeaders.Clear();

        var response = await staff.SendAsync(request).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("127.0.0.1", system.PlanningHeaders["X-Forwarded-For"]);
        Assert.Equal("http", system.PlanningHeaders["X-Forwarded-Proto"]);
        Assert.Equal(system.GatewayUrl.Authority, system.PlanningHeaders["X-Forwarded-Host"]);
        Assert.Contains(traceId, system.PlanningHeaders["traceparent"]);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").First());
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
