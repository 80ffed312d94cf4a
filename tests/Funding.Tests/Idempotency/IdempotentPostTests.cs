using System.Net;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.Funding.Tests.Idempotency;

/// <summary>Donors' systems retry: a repeated POST with the same Idempotency-Key creates nothing and answers as the first time.</summary>
public sealed class IdempotentPostTests(FundingSystem system) : IClassFixture<FundingSystem>
{
    private static object Pledge(decimal amount) => new
    {
        amount,
        currency = "USD",
        pledgeDate = "2026-03-15",
        agreementReference = "NOR-UNODC-2026-7",
        earmarking = "State",
        earmarkedTo = "KEN",
    };

    [Fact]
    public async Task A_replayed_pledge_answers_the_first_response_and_creates_nothing()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var donor = await system.ClientAsync(TestClients.DonorNorway);
        var key = Guid.NewGuid().ToString();

        var first = await donor.PostWithKeyAsync("/api/funding/pledges", Pledge(250_000m), key).ShouldBe(HttpStatusCode.Created);
        var before = await system.CountAsync("pledges");
        var again = await donor.PostWithKeyAsync("/api/funding/pledges", Pledge(250_000m), key).ShouldBe(HttpStatusCode.Created);

        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(before, await system.CountAsync("pledges"));
        var id = JsonDocument.Parse(firstBody).RootElement.Id();
        Assert.Single(await system.OutboxAsync<PledgeRecorded>(), e => e.GetProperty("pledgeId").GetGuid() == id);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_rejected_with_422()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var donor = await system.ClientAsync(TestClients.DonorNorway);
        var key = Guid.NewGuid().ToString();
        await donor.PostWithKeyAsync("/api/funding/pledges", Pledge(100m), key).ShouldBe(HttpStatusCode.Created);
        var before = await system.CountAsync("pledges");

        var problem = await donor.PostWithKeyAsync("/api/funding/pledges", Pledge(101m), key).ShouldBeJson(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("https://programmes.unodc.org/problems/idempotency-key-reused", problem.GetProperty("type").GetString());
        Assert.Equal(before, await system.CountAsync("pledges"));
    }

    [Fact]
    public async Task Twenty_concurrent_duplicates_create_exactly_one_pledge_and_all_get_its_id()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var donor = await system.ClientAsync(TestClients.DonorNorway);
        var key = Guid.NewGuid().ToString();
        var before = await system.CountAsync("pledges");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            donor.PostWithKeyAsync("/api/funding/pledges", Pledge(777m), key).ShouldBeJson(HttpStatusCode.Created)));

        Assert.Single(responses.Select(r => r.Id()).Distinct());
        Assert.Equal(before + 1, await system.CountAsync("pledges"));
    }

    [Fact]
    public async Task A_rejected_request_does_not_use_up_its_key()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var donor = await system.ClientAsync(TestClients.DonorNorway);
        var key = Guid.NewGuid().ToString();

        await donor.PostWithKeyAsync("/api/funding/pledges", new { amount = -5m, currency = "XXY" }, key).ShouldBe(HttpStatusCode.BadRequest);
        await donor.PostWithKeyAsync("/api/funding/pledges", Pledge(5m), key).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_post_without_an_idempotency_key_is_a_400_naming_the_header()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var donor = await system.ClientAsync(TestClients.DonorNorway);

        var problem = await donor.PostAsync("/api/funding/pledges", System.Net.Http.Json.JsonContent.Create(Pledge(5m))).ShouldBeJson(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task Keys_belong_to_their_client_so_two_donors_may_use_the_same_one()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        await system.DonorAsync("DONOR-JPN", "Japan");
        using var norway = await system.ClientAsync(TestClients.DonorNorway);
        using var japan = await system.ClientAsync(TestClients.DonorJapan);
        var key = Guid.NewGuid().ToString();

        var a = await norway.PostWithKeyAsync("/api/funding/pledges", Pledge(10m), key).ShouldBeJson(HttpStatusCode.Created);
        var b = await japan.PostWithKeyAsync("/api/funding/pledges", Pledge(10m), key).ShouldBeJson(HttpStatusCode.Created);

        Assert.NotEqual(a.Id(), b.Id());
        Assert.Equal("DONOR-JPN", b.GetProperty("donorCode").GetString());
    }
}
