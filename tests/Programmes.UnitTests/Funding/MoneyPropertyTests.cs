using CsCheck;
using Programmes.Funding.Model;
using Programmes.ReferenceData;
using Xunit;

namespace Programmes.UnitTests.Funding;

/// <summary>The money rule and the support-cost split, case by case (docs/money.md).</summary>
public sealed class MoneyPropertyTests
{
    /// <summary>0-, 2- and 3-decimal currencies, and USD itself.</summary>
    public static readonly string[] Currencies = ["USD", "EUR", "NOK", "JPY", "CLP", "KWD", "BHD"];

    public static readonly Gen<string> Currency = Gen.Int[0, Currencies.Length - 1].Select(i => Currencies[i]);

    /// <summary>A UN rate with 6 decimals, from 0.001 to 200,000 units per dollar.</summary>
    public static readonly Gen<decimal> Rate = Gen.Long[1_000, 200_000_000_000].Select(r => r / 1_000_000m);

    public static readonly Gen<decimal> Cents = Gen.Long[0, 100_000_000_000].Select(c => c / 100m);

    public static readonly Gen<decimal> SupportRate = Gen.OneOf(Gen.Const(0m), Gen.Const(0.13m), Gen.Int[0, 3000].Select(r => r / 10_000m));

    [Fact]
    public void A_conversion_is_exact_in_cents_and_an_amount_in_its_currency_is_exact()
    {
        Gen.Select(Currency, Gen.Long[1, 1_000_000_000_000], Rate).Sample((currency, minor, rate) =>
        {
            var amount = minor / FundingModel.Scale(currency);
            Assert.True(Money.IsExact(currency, amount), $"{amount} {currency}");
            Assert.False(Money.MinorUnits(currency) < 3 && Money.IsExact(currency, amount + 0.0001m), $"{amount + 0.0001m} {currency} taken as exact");
            var usd = Money.ToUsd(currency, amount, rate);
            Assert.Equal(usd, Money.Usd(usd));
            Assert.True(Math.Abs(usd - (currency == Money.UsdCode ? amount : amount / rate)) <= 0.005m);
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void Rounding_is_half_to_even_at_the_minor_unit()
    {
        Assert.Equal(11.50m, Money.Usd(11.505m));
        Assert.Equal(11.52m, Money.Usd(11.515m));
        Assert.Equal(2m, Money.Round("JPY", 2.5m));
        Assert.Equal(1.234m, Money.Round("KWD", 1.2345m));
        Assert.Equal(108.30m, Money.ToUsd("EUR", 100m, 0.9234m));
    }

    [Fact]
    public void A_draw_is_direct_plus_support_fits_what_is_available_and_is_the_largest_that_does()
    {
        Gen.Select(Cents, Cents, SupportRate).Sample((gap, available, rate) =>
        {
            var draw = AllocationRules.DrawFor(gap, available, rate);
            Assert.Equal(draw.Direct, Money.Usd(draw.Direct));
            Assert.Equal(Money.Usd(draw.Direct * rate), draw.Support);
            Assert.Equal(draw.Drawn, draw.Direct + draw.Support);
            Assert.InRange(draw.Direct, 0m, gap);
            Assert.True(draw.Drawn <= available, $"drew {draw.Drawn} of {available}");
            var next = AllocationRules.Split(draw.Direct + 0.01m, rate);
            Assert.True(next.Direct > gap || next.Drawn > available, $"{next.Direct} would also fit");
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void The_worked_example_USD_100_at_13_percent_funds_88_50_with_11_50_support()
    {
        Assert.Equal(new Draw(88.50m, 11.50m), AllocationRules.DrawFor(1_000m, 100m, 0.13m));
        Assert.Equal(new Draw(1_000m, 130m), AllocationRules.DrawFor(1_000m, 5_000m, 0.13m));
    }

    [Fact]
    public void A_release_gives_back_whole_cents_and_what_is_kept_plus_what_is_released_is_what_was_there()
    {
        Gen.Select(Cents, SupportRate, Cents).Sample((direct, rate, excess) =>
        {
            var split = AllocationRules.Split(direct, rate);
            var allocation = new Allocation { AmountUsd = split.Direct, SupportCostUsd = split.Support };
            var back = AllocationRules.ReleaseFrom(allocation, excess);
            Assert.Equal(Math.Min(direct, excess), back.Direct);
            Assert.InRange(back.Support, 0m, split.Support);
            Assert.Equal(back.Support, Money.Usd(back.Support));
            Assert.True(back.Direct < direct || back.Support == split.Support, "a full release gives back all the support cost");
        }, iter: Properties.Iterations);
    }
}
