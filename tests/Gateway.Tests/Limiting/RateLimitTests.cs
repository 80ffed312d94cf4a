using System.Net;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests.Limiting;

[Collection(EdgeSystemCollection.Name)]
public sealed class RateLimitTests(EdgeSystem system)
{
    [Fact]
    public async Task A_client_past_its_burst_gets_429_with_Retry_After_and_recovers_when_the_bucket_refills()
    {
        var partner = await system.ClientAsync(TestClients.Cted);
        HttpResponseMessage? limited = null;
        for (var i = 0; i < EdgeSystem.PartnerBurst + 5 && limited is null; i++)
        {
            var response = await partner.GetAsync("/api/planning/intake-items");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }
        Assert.NotNull(limited);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

        // Another client is not held back by this one's bucket.
        var staff = await system.ClientAsync(TestClients.Staff);
        await staff.GetAsync("/api/planning/intake-items").ShouldBe(HttpStatusCode.OK);

        await Eventually.TrueAsync(async () => (await partner.GetAsync("/api/planning/intake-items")).StatusCode != HttpStatusCode.TooManyRequests,
            timeout: TimeSpan.FromSeconds(10), what: "the partner's bucket to refill");
    }
}
