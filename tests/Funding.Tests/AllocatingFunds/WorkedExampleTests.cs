using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.Funding.Tests.AllocatingFunds;

/// <summary>
/// The worked example of docs/api-funding.md (Allocation). Programme P (Kenya, border management) is budgeted at
/// USD 130,000; support cost is 13% of the direct cost funded by voluntary money, none on the regular budget.
///
/// | # | source                          | value date | paid    | step         | funds   | support cost |
/// |---|---------------------------------|------------|---------|--------------|---------|--------------|
/// | a | Japan, earmarked to P           | 2026-03-10 | 56,500  | Programme    | 50,000  | 6,500        |
/// | b | Norway, earmarked to Kenya      | 2026-02-01 | 33,900  | State        | 30,000  | 3,900        |
/// | c | Norway, African Group           | 2026-01-15 | 11,300  | Region       | 10,000  | 1,300        |
/// | d | Norway, border management       | 2026-02-20 | 11,300  | ThematicArea | 10,000  | 1,300        |
/// | e | regular budget, unearmarked     | 2025-12-01 | 5,000   | Unearmarked  | 5,000   | 0            |
/// | f | Norway, unearmarked             | 2026-01-05 | 22,600  | Unearmarked  | 20,000  | 2,600        |
/// | g | Norway, unearmarked             | 2026-01-20 | 50,000  | Unearmarked  | 5,000   | 650 (44,350 left) |
/// | h | Norway, earmarked to Niger      | 2026-01-01 | 100,000 | does not fit | -       | -            |
///
/// Allocated 130,000 + support cost 16,250; the gap is 0 and P is fully funded.
/// </summary>
public sealed class WorkedExampleTests(FundingSystem system) : IClassFixture<FundingSystem>
{
    [Fact]
    public async Task Funds_are_drawn_programme_then_State_then_area_or_region_then_unearmarked_oldest_first_with_support_cost()
    {
        var norwayId = await system.DonorAsync("DONOR-NOR", "Norway");
        var japanId = await system.DonorAsync("DONOR-JPN", "Japan");
        using var norway = await system.ClientAsync(TestClients.DonorNorway);
        using var japan = await system.ClientAsync(TestClients.DonorJapan);
        using var staff = await system.ClientAsync(TestClients.Staff);
        var programme = Guid.NewGuid();

        var a = await japan.PaidPledgeAsync(56_500m, "2026-03-10", "Programme", programme.ToString());
        var b = await norway.PaidPledgeAsync(33_900m, "2026-02-01", "State", "KEN");
        var c = await norway.PaidPledgeAsync(11_300m, "2026-01-15", "Region", "African Group");
        var d = await norway.PaidPledgeAsync(11_300m, "2026-02-20", "ThematicArea", "BORDER-MANAGEMENT");
        var e = await staff.PaidPledgeAsync(5_000m, "2025-12-01", donorId: new Guid("00000000-0000-0000-0000-000000000018"));
        var f = await norway.PaidPledgeAsync(22_600m, "2026-01-05");
        var g = await norway.PaidPledgeAsync(50_000m, "2026-01-20");
        var h = await norway.PaidPledgeAsync(100_000m, "2026-01-01", "State", "NER");

        await system.PublishBudgetAsync(programme, 130_000m, DateTimeOffset.UtcNow);

        var status = await Eventually.GetAsync(async () =>
        {
            var s = await staff.GetFromJsonAsync<JsonElement>($"/api/funding/programmes/{programme}");
            return s.GetProperty("fullyFunded").GetBoolean() ? (JsonElement?)s : null;
        }, what: "programme P fully funded");

        Assert.Equal(130_000.00m, status.Decimal("budgetUsd"));
        Assert.Equal(130_000.00m, status.Decimal("allocatedUsd"));
        Assert.Equal(16_250.00m, status.Decimal("supportCostUsd"));
        Assert.Equal(0.00m, status.Decimal("gapUsd"));
        var drawn = status.GetProperty("allocations").EnumerateArray()
            .Select(x => (Payment: x.GetProperty("paymentId").GetGuid(), Step: x.GetProperty("step").GetString()!, Funds: x.Decimal("amountUsd"), Psc: x.Decimal("supportCostUsd")))
            .ToList();
        Assert.Equal(
            new[]
            {
                (a, "Programme", 50_000.00m, 6_500.00m),
                (b, "State", 30_000.00m, 3_900.00m),
                (c, "Region", 10_000.00m, 1_300.00m),
                (d, "ThematicArea", 10_000.00m, 1_300.00m),
                (e, "Unearmarked", 5_000.00m, 0.00m),
                (f, "Unearmarked", 20_000.00m, 2_600.00m),
                (g, "Unearmarked", 5_000.00m, 650.00m),
            },
            drawn);
        Assert.DoesNotContain(drawn, x => x.Payment == h);

        var byDonor = status.GetProperty("byDonor").EnumerateArray().ToDictionary(x => x.GetProperty("donorCode").GetString()!, x => x.Decimal("allocatedUsd"));
        Assert.Equal(75_000.00m, byDonor["DONOR-NOR"]);
        Assert.Equal(50_000.00m, byDonor["DONOR-JPN"]);
        Assert.Equal(5_000.00m, byDonor["REGULAR-BUDGET"]);

        var events = await system.OutboxAsync<FundsAllocated>();
        Assert.Equal(7, events.Count(x => x.GetProperty("programmeId").GetGuid() == programme));
        Assert.Contains(events, x => x.GetProperty("source").GetString() == "RegularBudget" && x.Decimal("supportCostUsd") == 0m);
        Assert.Single(await system.OutboxAsync<ProgrammeFullyFunded>(), x => x.GetProperty("programmeId").GetGuid() == programme);

        // Norway paid 229,100; 75,000 funds and 9,750 support cost went to P; 44,350 of g and all of h remain.
        var statement = await norway.GetFromJsonAsync<JsonElement>($"/api/funding/donors/{norwayId}/statement");
        var usd = statement.GetProperty("usd");
        Assert.Equal(229_100.00m, usd.Decimal("paid"));
        Assert.Equal(75_000.00m, usd.Decimal("allocated"));
        Assert.Equal(9_750.00m, usd.Decimal("supportCost"));
        Assert.Equal(144_350.00m, usd.Decimal("unallocated"));
        Assert.Equal(programme, Assert.Single(statement.GetProperty("allocatedTo").EnumerateArray()).GetProperty("programmeId").GetGuid());
        var japanStatement = await japan.GetFromJsonAsync<JsonElement>($"/api/funding/donors/{japanId}/statement");
        Assert.Equal(50_000.00m, japanStatement.GetProperty("usd").Decimal("allocated"));
    }
}
