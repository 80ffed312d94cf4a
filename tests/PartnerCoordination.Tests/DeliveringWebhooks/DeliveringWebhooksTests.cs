using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.PartnerCoordination.Tests.DeliveringWebhooks;

public sealed class DeliveringWebhooksTests(WebhookSystem system) : IClassFixture<WebhookSystem>
{
    [Fact]
    public async Task A_receiver_that_fails_three_times_then_accepts_gets_the_signed_event_and_every_attempt_is_logged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (call, _) => Task.FromResult(call <= 3 ? 500 : 200);
        var (partner, endpoint, _) = await system.PartnerWithEndpointAsync("KEN", receiver);

        await system.ProposeAsync("KEN");

        var delivery = await Eventually.GetAsync(async () =>
            (await system.DeliveriesAsync(partner, endpoint)).SingleOrDefault(d => d.GetProperty("status").GetString() == "Succeeded") is { ValueKind: JsonValueKind.Object } d ? (JsonElement?)d : null,
            what: "the delivery to succeed");
        var attempts = delivery.GetProperty("attemptLog").EnumerateArray().ToArray();
        Assert.Equal([500, 500, 500, 200], attempts.Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.All(attempts, a => Assert.True(a.GetProperty("latencyMs").GetDouble() >= 0));
        Assert.Equal(4, delivery.GetProperty("attempts").GetInt32());

        var received = receiver.Received.ToArray();
        Assert.Equal(4, received.Length);
        Assert.All(received, r => Assert.Single(r.VerifiedSecrets));
        Assert.Single(received.Select(r => r.Id).Distinct());
        Assert.Equal(delivery.GetProperty("id").GetGuid().ToString(), received[0].Id);
        var body = JsonDocument.Parse(received[^1].Body).RootElement;
        Assert.Equal("clearance.round.opened", body.GetProperty("type").GetString());
        Assert.Equal("KEN", body.GetProperty("data").GetProperty("stateCodes")[0].GetString());
        // Backoff: the retries were spread out, not fired back to back.
        Assert.True(received[^1].At - received[0].At >= TimeSpan.FromMilliseconds(200 + 400 + 800) * 0.9);
    }

    [Fact]
    public async Task A_hanging_partner_does_not_delay_another_partners_delivery()
    {
        var release = new TaskCompletionSource();
        await using var hanging = await WebhookReceiver.StartAsync();
        hanging.Respond = async (_, aborted) =>
        {
            await release.Task.WaitAsync(aborted);
            return 200;
        };
        await using var healthy = await WebhookReceiver.StartAsync();
        var (slowPartner, slowEndpoint, _) = await system.PartnerWithEndpointAsync("NER", hanging);
        var (fastPartner, fastEndpoint, _) = await system.PartnerWithEndpointAsync("NER", healthy);

        await system.ProposeAsync("NER");

        await Eventually.TrueAsync(() => Task.FromResult(!hanging.Received.IsEmpty), what: "the hanging partner to be called");
        await Eventually.TrueAsync(() => Task.FromResult(!healthy.Received.IsEmpty), timeout: TimeSpan.FromSeconds(3),
            what: "the healthy partner's delivery while the other one hangs");
        Assert.Equal(0, (await system.DeliveriesAsync(slowPartner, slowEndpoint)).Single().GetProperty("attempts").GetInt32());
        await Eventually.TrueAsync(async () =>
            (await system.DeliveriesAsync(fastPartner, fastEndpoint)).Single().GetProperty("status").GetString() == "Succeeded",
            timeout: TimeSpan.FromSeconds(3), what: "the healthy delivery to be recorded as succeeded");
        release.SetResult();
    }

    [Fact]
    public async Task After_a_secret_rotation_both_secrets_sign_until_the_grace_period_ends()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (partner, endpoint, oldSecret) = await system.PartnerWithEndpointAsync("MLI", receiver);
        var staff = await system.ClientAsync(TestClients.Staff);

        var rotated = await staff.PostAsJsonAsync($"/api/coordination/partners/{partner}/endpoints/{endpoint}/rotate-secret", new { })
            .ShouldBeJson(HttpStatusCode.OK);
        var newSecret = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(oldSecret, newSecret);
        receiver.Secrets.Add(newSecret);
        await system.ProposeAsync("MLI");
        var duringGrace = await Eventually.GetAsync(() => Task.FromResult(receiver.Received.FirstOrDefault()), what: "the first delivery");
        Assert.Equal(2, duringGrace.Signature.Split(' ').Length);
        Assert.Equal([oldSecret, newSecret], duringGrace.VerifiedSecrets);

        var newest = (await staff.PostAsJsonAsync($"/api/coordination/partners/{partner}/endpoints/{endpoint}/rotate-secret", new { graceHours = 0 })
            .ShouldBeJson(HttpStatusCode.OK)).GetProperty("secret").GetString()!;
        receiver.Secrets.Add(newest);
        var latest = (await staff.GetItemsAsync($"/api/coordination/partners/{partner}/endpoints"))!.Single();
        Assert.False(latest.TryGetProperty("secret", out var shown) && shown.ValueKind == JsonValueKind.String, "secrets are shown only when issued");
        await system.ProposeAsync("MLI");
        var afterGrace = await Eventually.GetAsync(() => Task.FromResult(receiver.Received.Skip(1).FirstOrDefault()), what: "the second delivery");
        Assert.Single(afterGrace.Signature.Split(' '));
        Assert.Equal([newest], afterGrace.VerifiedSecrets);
    }

    [Fact]
    public async Task Manual_redelivery_sends_the_same_webhook_id_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (partner, endpoint, _) = await system.PartnerWithEndpointAsync("TCD", receiver);
        await system.ProposeAsync("TCD");
        var first = await Eventually.GetAsync(() => Task.FromResult(receiver.Received.FirstOrDefault()), what: "the delivery");
        var delivery = await Eventually.GetAsync(async () =>
            (await system.DeliveriesAsync(partner, endpoint)).FirstOrDefault(d => d.GetProperty("status").GetString() == "Succeeded") is { ValueKind: JsonValueKind.Object } d ? (JsonElement?)d : null,
            what: "the delivery to be recorded");

        var staff = await system.ClientAsync(TestClients.Staff);
        await staff.PostAsync($"/api/coordination/partners/{partner}/endpoints/{endpoint}/deliveries/{delivery.GetProperty("id").GetGuid()}/redeliver", null)
            .ShouldBe(HttpStatusCode.Accepted);

        var again = await Eventually.GetAsync(() => Task.FromResult(receiver.Received.Skip(1).FirstOrDefault()), what: "the redelivery");
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Body, again.Body);
        await Eventually.TrueAsync(async () =>
            (await system.DeliveriesAsync(partner, endpoint)).Single().GetProperty("attempts").GetInt32() == 2, what: "two attempts logged");
    }
}
