using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.Funding.Tests.AllocatingFunds;

/// <summary>Programmes that compete for the same money never receive more than was paid.</summary>
public sealed class ConcurrentAllocationTests(FundingSystem system) : IClassFixture<FundingSystem>
{
    [Fact]
    public async Task Ten_programmes_budgeted_at_once_share_one_payment_without_drawing_a_cent_twice()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var norway = await system.ClientAsync(TestClients.DonorNorway);
        using var staff = await system.ClientAsync(TestClients.Staff);
        await norway.PaidPledgeAsync(113_000m, "2026-01-10");                     // funds 100,000 + 13,000 support cost
        var programmes = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();
        var budgetedAt = DateTimeOffset.UtcNow;

        await Task.WhenAll(programmes.Select(p => system.PublishBudgetAsync(p, 20_000m, budgetedAt)));

        var statuses = await Eventually.GetAsync(async () =>
        {
            var all = new List<JsonElement>();
            foreach (var programme in programmes)
            {
                var response = await staff.GetAsync($"/api/funding/programmes/{programme}");
                if (!response.IsSuccessStatusCode)
                {
                    return null;
                }
                all.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
            }
            return all;
        }, what: "all ten programmes budgeted");
        Assert.Equal(100_000.00m, statuses.Sum(s => s.Decimal("allocatedUsd")));
        Assert.Equal(13_000.00m, statuses.Sum(s => s.Decimal("supportCostUsd")));
        Assert.Equal(5, statuses.Count(s => s.GetProperty("fullyFunded").GetBoolean()));
        Assert.All(statuses, s => Assert.Contains(s.Decimal("allocatedUsd"), new[] { 0m, 20_000m }));
        var gaps = await staff.GetItemsAsync("/api/funding/funding-gaps");
        Assert.Equal(5, gaps!.Length);

        // Concurrent payments race for the waiting programmes: 4 x 28,250 fund 4 x 25,000, exactly the five gaps.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => norway.PaidPledgeAsync(28_250m, "2026-02-10")));

        await Eventually.TrueAsync(async () => (await staff.GetItemsAsync("/api/funding/funding-gaps"))!.Length == 0, what: "all ten programmes funded");
        var allocated = await system.OutboxAsync<FundsAllocated>();
        Assert.Equal(200_000m, allocated.Sum(e => e.Decimal("amountUsd")));
        Assert.Equal(26_000m, allocated.Sum(e => e.Decimal("supportCostUsd")));
    }
}
