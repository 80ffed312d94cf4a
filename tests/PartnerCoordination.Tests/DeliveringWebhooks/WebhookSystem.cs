using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;

namespace Programmes.PartnerCoordination.Tests.DeliveringWebhooks;

/// <summary>Coordination on the real clock with retries a fraction of a second apart, for delivery to real receivers.</summary>
public sealed class WebhookSystem : TestSystem
{
    public WebhookSystem() : base(Services.Coordination)
    {
        Settings["Webhooks:PollInterval"] = "00:00:00.100";
        Settings["Webhooks:FirstRetryDelay"] = "00:00:00.200";
        Settings["Webhooks:MaxRetryDelay"] = "00:00:01";
        Settings["Webhooks:Timeout"] = "00:00:05";
    }

    /// <summary>Registers a fresh partner interested only in <paramref name="state"/>, with an endpoint on the receiver.</summary>
    public async Task<(string Partner, Guid Endpoint, string Secret)> PartnerWithEndpointAsync(string state, WebhookReceiver receiver)
    {
        var staff = await ClientAsync(TestClients.Staff);
        var code = "P-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await staff.PostAsJsonAsync("/api/coordination/partners", new
        {
            code,
            name = "Test partner " + code,
            kind = "Compact member",
            interests = new { thematicAreas = new[] { "BORDER-MANAGEMENT" }, stateCodes = new[] { state } },
        }).ShouldBe(HttpStatusCode.Created);
        var endpoint = await staff.PostAsJsonAsync($"/api/coordination/partners/{code}/endpoints", new
        {
            url = receiver.Url,
            eventTypes = new[] { "clearance.round.opened" },
        }).ShouldBeJson(HttpStatusCode.Created);
        var secret = endpoint.GetProperty("secret").GetString()!;
        receiver.Secrets.Add(secret);
        return (code, endpoint.GetProperty("id").GetGuid(), secret);
    }

    public Task ProposeAsync(string state) =>
        PublishAsync(Proposals.Proposed(state, "BORDER-MANAGEMENT", new DateOnly(2027, 5, 3), new DateOnly(2027, 5, 7)));

    public async Task<JsonElement[]> DeliveriesAsync(string partner, Guid endpoint)
    {
        var staff = await ClientAsync(TestClients.Staff);
        return (await staff.GetItemsAsync($"/api/coordination/partners/{partner}/endpoints/{endpoint}/deliveries"))!;
    }
}
