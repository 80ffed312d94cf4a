using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Programmes.Testing;
using Xunit;

namespace Programmes.Funding.Tests.ExactMoney;

/// <summary>
/// Issue 16: USD 100 paid against a USD 1,000 budget at 13% support cost was stored as 88.4955752212389380530973451...
/// and the gap gauge's sum then overflowed System.Decimal. Now every amount is stored in whole cents.
/// </summary>
public sealed class UnevenPaymentTests(FundingSystem system) : IClassFixture<FundingSystem>
{
    [Fact]
    public async Task USD_100_at_13_percent_funds_88_50_with_11_50_support_stored_in_cents_and_the_gap_gauge_reads()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var norway = await system.ClientAsync(TestClients.DonorNorway);
        using var staff = await system.ClientAsync(TestClients.Staff);
        var programme = Guid.NewGuid();
        var payment = await norway.PaidPledgeAsync(100m, "2026-03-02", "State", "MLI");

        await system.PublishBudgetAsync(programme, 1_000m, DateTimeOffset.UtcNow, states: ["MLI"]);

        var status = await Eventually.GetAsync(async () =>
        {
            var response = await staff.GetAsync($"/api/funding/programmes/{programme}");
            var body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            return response.StatusCode == HttpStatusCode.OK && body.GetProperty("allocations").GetArrayLength() > 0 ? (JsonElement?)body : null;
        }, what: "the payment allocated");
        Assert.Equal(88.50m, status.Decimal("allocatedUsd"));
        Assert.Equal(11.50m, status.Decimal("supportCostUsd"));
        Assert.Equal(911.50m, status.Decimal("gapUsd"));

        await using var connection = new NpgsqlConnection(system.ConnectionStrings["funding"]);
        await connection.OpenAsync();
        await using (var rows = new NpgsqlCommand(
            "SELECT a.amount_usd::text, a.support_cost_usd::text, p.allocated_usd::text, p.amount_usd::text, g.allocated_usd::text, g.support_cost_usd::text " +
            "FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN programmes g ON g.programme_id = a.programme_id WHERE a.programme_id = @id", connection))
        {
            rows.Parameters.AddWithValue("id", programme);
            await using var reader = await rows.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(["88.50", "11.50", "100.00", "100.00", "88.50", "11.50"], Enumerable.Range(0, 6).Select(reader.GetString).ToArray());
            Assert.False(await reader.ReadAsync());
        }
        Assert.Equal(payment, await Scalar<Guid>(connection, $"SELECT payment_id FROM allocations WHERE programme_id = '{programme}'"));

        // The gauges' own SQL (FundingService), read as System.Decimal as DatabaseGauges reads it.
        var gap = await Scalar<decimal>(connection, "SELECT coalesce(sum(budget_usd - allocated_usd), 0) FROM programmes WHERE budget_usd > allocated_usd");
        Assert.Equal(911.50m, gap);
        Assert.Equal(1L, await Scalar<long>(connection, "SELECT count(*) FROM programmes WHERE budget_usd > allocated_usd"));
        Assert.Equal(0L, await Scalar<long>(connection,
            "SELECT count(*) FROM allocations WHERE scale(amount_usd) > 2 OR scale(support_cost_usd) > 2 OR amount_usd + support_cost_usd > 100"));
    }

    [Theory]
    [InlineData("USD", 100.001, "amount", "at most 2 decimal places")]
    [InlineData("JPY", 1500.5, "amount", "whole number")]
    [InlineData("KWD", 10.0005, "amount", "at most 3 decimal places")]
    public async Task An_amount_with_more_decimals_than_its_currency_is_a_validation_problem(string currency, double amount, string field, string message)
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var norway = await system.ClientAsync(TestClients.DonorNorway);
        var problem = await norway.PostWithKeyAsync("/api/funding/pledges", new
        {
            amount = (decimal)amount,
            currency,
            pledgeDate = "2026-03-02",
            agreementReference = "AGR-1",
            earmarking = "Unearmarked",
        }).ShouldBeJson(HttpStatusCode.BadRequest);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);

        var pledge = await norway.PledgeAsync(2_000m, currency, "2026-03-02");
        var paid = await norway.PostWithKeyAsync($"/api/funding/pledges/{pledge.Id()}/payments",
            new { amount = (decimal)amount, currency, valueDate = "2026-03-02", bankReference = "BANK-1" }).ShouldBeJson(HttpStatusCode.BadRequest);
        Assert.Contains(message, paid.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return reader.GetFieldValue<T>(0);
    }
}
