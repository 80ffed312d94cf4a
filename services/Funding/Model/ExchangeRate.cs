using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Programmes.Funding.Persistence;
using Programmes.ReferenceData;

namespace Programmes.Funding.Model;

/// <summary>A UN operational rate of exchange: units of a currency per US dollar, for one calendar month.</summary>
public sealed class ExchangeRate
{
    public required string Currency { get; init; }

    /// <summary>The first day of the month the rate applies to.</summary>
    public DateOnly Month { get; init; }
    public decimal UnitsPerUsd { get; init; }
    public DateTimeOffset LoadedAt { get; init; }
}

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> rate)
    {
        rate.ToTable("exchange_rates");
        rate.HasKey(r => new { r.Currency, r.Month });
        rate.Property(r => r.Currency).HasMaxLength(3);
        rate.Property(r => r.UnitsPerUsd).IsRate();
    }
}

public static class Conversion
{
    public const string Usd = Money.UsdCode;

    /// <summary>The month whose UN operational rate applies to a date.</summary>
    public static DateOnly RateMonth(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>The amount in USD at the rate of <paramref name="date"/>'s month, rounded to cents; null while that rate is not loaded.</summary>
    public static async Task<decimal?> ToUsdAsync(this FundingDb db, decimal amount, string currency, DateOnly date, CancellationToken cancellationToken)
    {
        if (currency == Usd)
        {
            return Money.Usd(amount);
        }
        var rate = await db.ExchangeRates.FindAsync([currency, RateMonth(date)], cancellationToken);
        return rate is null ? null : Money.ToUsd(currency, amount, rate.UnitsPerUsd);
    }
}
