using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.Funding.Tests.AllocatingFunds;

/// <summary>Budgets change after allocation; every test funds its own programme with money earmarked to it alone.</summary>
public sealed class BudgetChangeTests(FundingSystem system) : IClassFixture<FundingSystem>
{
    private async Task<JsonElement> StatusWhenAsync(Guid programme, Func<JsonElement, bool> condition, string what)
    {
        using var staff = await system.ClientAsync(TestClients.Staff);
        return await Eventually.GetAsync(async () =>
        {
            var response = await staff.GetAsync($"/api/funding/programmes/{programme}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }
            var status = await response.Content.ReadFromJsonAsync<JsonElement>();
            return condition(status) ? (JsonElement?)status : null;
        }, what: what);
    }

    [Fact]
    public async Task A_budget_decrease_releases_the_newest_allocations_first()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var norway = await system.ClientAsync(TestClients.DonorNorway);
        var programme = Guid.NewGuid();
        await norway.PaidPledgeAsync(11_300m, "2026-01-10", "Programme", programme.ToString());
        var newer = await norway.PaidPledgeAsync(22_600m, "2026-01-20", "Programme", programme.ToString());
        await system.PublishBudgetAsync(programme, 30_000m, DateTimeOffset.UtcNow);
        await StatusWhenAsync(programme, s => s.GetProperty("fullyFunded").GetBoolean(), "30,000 allocated");

        await system.PublishBudgetAsync(programme, 15_000m, DateTimeOffset.UtcNow);

        var status = await StatusWhenAsync(programme, s => s.Decimal("allocatedUsd") == 15_000m, "15,000 released");
        Assert.True(status.GetProperty("fullyFunded").GetBoolean());
        Assert.Equal(1_950.00m, status.Decimal("supportCostUsd"));             // 1,300 + 2,600 x 5,000 / 20,000
        var released = Assert.Single(await system.OutboxAsync<FundsReleased>(), e => e.GetProperty("programmeId").GetGuid() == programme);
        Assert.Equal(15_000m, released.Decimal("amountUsd"));
        Assert.Equal(1_950m, released.Decimal("supportCostUsd"));
        var newest = status.GetProperty("allocations").EnumerateArray().Single(a => a.GetProperty("paymentId").GetGuid() == newer);
        Assert.Equal(5_000.00m, newest.Decimal("amountUsd"));
        Assert.Equal(15_000.00m, newest.Decimal("releasedUsd"));
    }

    [Fact]
    public async Task An_increase_on_a_fully_funded_programme_opens_a_gap_that_a_later_payment_fills()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var norway = await system.ClientAsync(TestClients.DonorNorway);
        using var staff = await system.ClientAsync(TestClients.Staff);
        var programme = Guid.NewGuid();
        await norway.PaidPledgeAsync(22_600m, "2026-02-01", "Programme", programme.ToString());
        await system.PublishBudgetAsync(programme, 20_000m, DateTimeOffset.UtcNow);
        await StatusWhenAsync(programme, s => s.GetProperty("fullyFunded").GetBoolean(), "20,000 allocated");

        await system.PublishBudgetAsync(programme, 30_000m, DateTimeOffset.UtcNow);

        await StatusWhenAsync(programme, s => !s.GetProperty("fullyFunded").GetBoolean() && s.Decimal("gapUsd") == 10_000m, "a gap of 10,000");
        Assert.Single(await system.OutboxAsync<ProgrammeFundingGapOpened>(), e => e.GetProperty("programmeId").GetGuid() == programme);
        var gaps = await staff.GetItemsAsync("/api/funding/funding-gaps");
        Assert.Contains(gaps!, g => g.GetProperty("programmeId").GetGuid() == programme && g.Decimal("gapUsd") == 10_000m);

        // Nothing to publish: the payment itself finds the waiting programme.
        await norway.PaidPledgeAsync(11_300m, "2026-03-01", "Programme", programme.ToString());

        var status = await StatusWhenAsync(programme, s => s.GetProperty("fullyFunded").GetBoolean(), "fully funded again");
        Assert.Equal(30_000.00m, status.Decimal("allocatedUsd"));
        Assert.Equal(3_900.00m, status.Decimal("supportCostUsd"));
        Assert.Equal(2, (await system.OutboxAsync<ProgrammeFullyFunded>()).Count(e => e.GetProperty("programmeId").GetGuid() == programme));
    }

    [Fact]
    public async Task A_late_ProgrammeBudgeted_older_than_the_current_budget_changes_nothing()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var norway = await system.ClientAsync(TestClients.DonorNorway);
        var programme = Guid.NewGuid();
        await norway.PaidPledgeAsync(5_650m, "2026-02-01", "Programme", programme.ToString());
        var now = DateTimeOffset.UtcNow;
        await system.PublishBudgetAsync(programme, 5_000m, now);
        await StatusWhenAsync(programme, s => s.GetProperty("fullyFunded").GetBoolean(), "5,000 allocated");

        await system.PublishBudgetAsync(programme, 1_000m, now.AddMinutes(-5));
        await system.PublishBudgetAsync(programme, 4_000m, now.AddMinutes(1));

        // Whichever arrives first, the stale budget is never applied: only 1,000 is released, no gap ever opens.
        var status = await StatusWhenAsync(programme, s => s.Decimal("budgetUsd") == 4_000m, "the newer budget");
        Assert.Equal(4_000.00m, status.Decimal("allocatedUsd"));
        Assert.Equal(1_000m, (await system.OutboxAsync<FundsReleased>()).Where(e => e.GetProperty("programmeId").GetGuid() == programme).Sum(e => e.Decimal("amountUsd")));
        Assert.DoesNotContain(await system.OutboxAsync<ProgrammeFundingGapOpened>(), e => e.GetProperty("programmeId").GetGuid() == programme);
    }
}
