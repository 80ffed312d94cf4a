using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.PartnerCoordination.Tests.DeliveringWebhooks;

[Collection("coordination")]
public sealed class DisablingEndpointsTests(CoordinationSystem system)
{
    [Fact]
    public async Task An_endpoint_failing_for_three_days_is_disabled_with_an_event()
    {
        var interpol = await system.ClientAsync(TestClients.Interpol);
        var created = await interpol.PostAsJsonAsync("/api/coordination/partners/INTERPOL/endpoints", new
        {
            url = $"http://127.0.0.1:{ClosedPort()}/hook",
            eventTypes = new[] { "clearance.round.opened" },
        }).ShouldBeJson(HttpStatusCode.Created);
        var endpoint = created.GetProperty("id").GetGuid();
        var deliveries = $"/api/coordination/partners/INTERPOL/endpoints/{endpoint}/deliveries";
        await system.SetInterestsAsync("INTERPOL", ["BORDER-MANAGEMENT"], ["KEN"]);
        await system.ProposeAsync(Proposals.Proposed("KEN", "BORDER-MANAGEMENT", new DateOnly(2027, 9, 6), new DateOnly(2027, 9, 10)));

        var failing = await Eventually.GetAsync(async () =>
            (await interpol.GetItemsAsync(deliveries))!.SingleOrDefault() is { ValueKind: JsonValueKind.Object } d
                && d.GetProperty("attempts").GetInt32() >= 1 ? (JsonElement?)d : null, what: "a failed attempt");
        Assert.Equal("Pending", failing.GetProperty("status").GetString());
        var attempt = failing.GetProperty("attemptLog")[0];
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("statusCode").ValueKind);
        Assert.False(string.IsNullOrEmpty(attempt.GetProperty("error").GetString()));

        system.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));

        var disabled = await Eventually.GetAsync(async () =>
            (await interpol.GetItemsAsync("/api/coordination/partners/INTERPOL/endpoints"))!
                .Single(e => e.GetProperty("id").GetGuid() == endpoint) is var e && !e.GetProperty("enabled").GetBoolean() ? (JsonElement?)e : null,
            what: "the endpoint to be disabled");
        Assert.NotEqual(JsonValueKind.Null, disabled.GetProperty("disabledAt").ValueKind);
        var fact = (await system.OutboxAsync<WebhookEndpointDisabled>())
            .Single(e => e.GetProperty("endpointId").GetGuid() == endpoint);
        Assert.Equal("INTERPOL", fact.GetProperty("partnerCode").GetString());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
