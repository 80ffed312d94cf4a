using System.Net;
using System.Text;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests.Limiting;

[Collection(EdgeSystemCollection.Name)]
public sealed class BodySizeTests(EdgeSystem system)
{
    [Fact]
    public async Task A_body_declared_above_one_megabyte_is_refused_with_413_before_it_is_forwarded()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var response = await staff.PostAsync("/api/planning/intake-items", Json(1024 * 1024 + 10)).ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_chunked_body_above_the_limit_is_cut_off_with_413()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var content = Json(2 * 1024 * 1024);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/planning/intake-items") { Content = new StreamContent(await content.ReadAsStreamAsync()) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;
        await staff.SendAsync(request).ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_route_may_set_its_own_smaller_limit()
    {
        var donor = await system.ClientAsync(TestClients.DonorNorway);
        await donor.PostAsync("/api/funding/contributions", Json(EdgeSystem.FundingBodyLimit + 1)).ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        // The same body is well under the default limit of the planning route: it reaches the service.
        var staff = await system.ClientAsync(TestClients.Staff);
        var response = await staff.PostAsync("/api/planning/intake-items", Json(EdgeSystem.FundingBodyLimit + 1));
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>A JSON document of exactly <paramref name="bytes"/> bytes.</summary>
    private static StringContent Json(int bytes) =>
        new($"{{\"padding\":\"{new string('x', bytes - 14)}\"}}", Encoding.UTF8, "application/json");
}
