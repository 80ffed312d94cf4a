using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.Funding.Tests.LoadingExchangeRates;

/// <summary>Pledges convert at their month's UN operational rate, payments at their value date's month; missing rates wait.</summary>
public sealed class ConversionTests(FundingSystem system) : IClassFixture<FundingSystem>
{
    private async Task<JsonElement> LoadRateAsync(string currency, string month, decimal unitsPerUsd, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var staff = await system.ClientAsync(TestClients.Staff);
        return await staff.PostWithKeyAsync("/api/funding/exchange-rates", new { currency, month, unitsPerUsd }).ShouldBeJson(expected);
    }

    private async Task<HttpResponseMessage> LoadCsvAsync(string csv)
    {
        using var staff = await system.ClientAsync(TestClients.Staff);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/funding/exchange-rates/bulk") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await staff.SendAsync(request);
    }

    [Fact]
    public async Task A_contribution_without_its_months_rate_is_accepted_pending_and_converted_when_the_rate_arrives()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var donor = await system.ClientAsync(TestClients.DonorNorway);

        var pledge = await donor.PledgeAsync(1_050_000m, "NOK", "2026-04-30");
        Assert.Equal("PendingRate", pledge.GetProperty("conversion").GetString());
        Assert.Equal(JsonValueKind.Null, pledge.GetProperty("amountUsd").ValueKind);
        var payment = await donor.PayAsync(pledge.Id(), 525_000m, "NOK", "2026-05-01");
        Assert.Equal("PendingRate", payment.GetProperty("conversion").GetString());

        // April's rate converts the pledge (dated 30 April) but not the payment (valued 1 May).
        var april = await LoadRateAsync("NOK", "2026-04", 10.5m);
        Assert.Equal(1, april.GetProperty("converted").GetProperty("pledges").GetInt32());
        Assert.Equal(0, april.GetProperty("converted").GetProperty("payments").GetInt32());
        var read = await donor.GetFromJsonAsync<JsonElement>($"/api/funding/pledges/{pledge.Id()}");
        Assert.Equal(100_000.00m, read.Decimal("amountUsd"));
        Assert.Equal("PendingRate", read.GetProperty("payments")[0].GetProperty("conversion").GetString());

        var may = await LoadCsvAsync("currency,month,units_per_usd\nNOK,2026-05,10.0\nEUR,2026-05,0.9\n").ShouldBeJson(HttpStatusCode.OK);
        Assert.Equal(2, may.GetProperty("loaded").GetInt32());
        read = await donor.GetFromJsonAsync<JsonElement>($"/api/funding/pledges/{pledge.Id()}");
        Assert.Equal(52_500.00m, read.GetProperty("payments")[0].Decimal("amountUsd"));
        Assert.Equal(525_000m, read.Decimal("outstanding"));

        var converted = await system.OutboxAsync<ContributionConverted>();
        Assert.Contains(converted, e => e.GetProperty("contributionId").GetGuid() == pledge.Id() && e.Decimal("amountUsd") == 100_000m);
        Assert.Contains(converted, e => e.GetProperty("contributionId").GetGuid() == payment.Id() && e.Decimal("amountUsd") == 52_500m);
    }

    [Fact]
    public async Task The_last_day_of_a_month_takes_that_months_rate_and_the_first_day_the_next()
    {
        await system.DonorAsync("DONOR-JPN", "Japan");
        using var donor = await system.ClientAsync(TestClients.DonorJapan);
        await LoadCsvAsync("JPY,2026-01,150\nJPY,2026-02,140\n").ShouldBe(HttpStatusCode.OK);

        var pledge = await donor.PledgeAsync(15_000_000m, "JPY", "2026-01-31");
        var february = await donor.PayAsync(pledge.Id(), 14_000_000m, "JPY", "2026-02-01");
        var january = await donor.PayAsync(pledge.Id(), 150_000m, "JPY", "2026-01-31");

        Assert.Equal(100_000.00m, pledge.Decimal("amountUsd"));      // 15,000,000 / 150
        Assert.Equal(100_000.00m, february.Decimal("amountUsd"));    // 14,000,000 / 140
        Assert.Equal(1_000.00m, january.Decimal("amountUsd"));       //    150,000 / 150
    }

    [Fact]
    public async Task Usd_is_rounded_to_cents_half_to_even_when_converted_and_announced_as_stored()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var donor = await system.ClientAsync(TestClients.DonorNorway);
        await LoadRateAsync("EUR", "2026-03", 0.8m);

        var down = await donor.PledgeAsync(1_000.02m, "EUR", "2026-03-10");   // 1,250.025 USD
        var up = await donor.PledgeAsync(1_000.06m, "EUR", "2026-03-10");     // 1,250.075 USD

        Assert.Equal(1_250.02m, down.Decimal("amountUsd"));
        Assert.Equal(1_250.08m, up.Decimal("amountUsd"));
        var recorded = (await system.OutboxAsync<PledgeRecorded>()).Single(e => e.GetProperty("pledgeId").GetGuid() == down.Id());
        // docs/money.md: a conversion is rounded once, when made; the event carries the stored cents.
        Assert.Equal(1_250.02m, recorded.Decimal("amountUsd"));
    }

    [Fact]
    public async Task A_published_months_rate_cannot_be_changed_but_may_be_sent_again()
    {
        await LoadRateAsync("GBP", "2026-06", 0.79m);

        var again = await LoadRateAsync("GBP", "2026-06", 0.79m);
        await LoadRateAsync("GBP", "2026-06", 0.8m, HttpStatusCode.Conflict);

        Assert.Equal(1, again.GetProperty("unchanged").GetInt32());
        using var staff = await system.ClientAsync(TestClients.Staff);
        var rates = await staff.GetItemsAsync("/api/funding/exchange-rates?currency=GBP");
        Assert.Equal(0.79m, Assert.Single(rates!).Decimal("unitsPerUsd"));
    }

    [Fact]
    public async Task A_bulk_file_with_bad_lines_is_rejected_whole_naming_every_bad_line()
    {
        var problem = await LoadCsvAsync("currency,month,units_per_usd\nCHF,2026-07,0.88\nABC,2026-07,1\nCHF,July,abc\n").ShouldBeJson(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("line 3: currency", out _));
        Assert.True(errors.TryGetProperty("line 4: unitsPerUsd", out _));
        using var staff = await system.ClientAsync(TestClients.Staff);
        Assert.Empty((await staff.GetItemsAsync("/api/funding/exchange-rates?currency=CHF"))!);
    }
}
