using System.Net;
using System.Text.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests.Operations;

[Collection(WholeSystemCollection.Name)]
public sealed class OperationsHealthTests(WholeSystem system)
{
    [Fact]
    public async Task Operations_reads_the_readiness_of_every_service_in_one_call()
    {
        var operations = await system.ClientAsync(TestClients.Operations);
        var health = await operations.GetAsync("/api/operations/health").ShouldBeJson(HttpStatusCode.OK);

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var services = health.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("service").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["intake"] = "Healthy", ["planning"] = "Healthy", ["coordination"] = "Healthy", ["funding"] = "Healthy" }, services);
    }

    [Fact]
    public async Task Operations_may_call_no_service_route_but_staff_may_read_operations()
    {
        var operations = await system.ClientAsync(TestClients.Operations);
        foreach (var path in new[] { "/api/intake/requests", "/api/planning/intake-items", "/api/coordination/x", "/api/funding/x" })
        {
            await operations.GetAsync(path).ShouldBe(HttpStatusCode.Forbidden);
        }
        var staff = await system.ClientAsync(TestClients.Staff);
        await staff.GetAsync("/api/operations/health").ShouldBe(HttpStatusCode.OK);
        var state = await system.ClientAsync(TestClients.StateKenya);
        await state.GetAsync("/api/operations/health").ShouldBe(HttpStatusCode.Forbidden);
    }
}
