namespace Programmes.ReferenceData;

/// <summary>
/// The one money rule (docs/money.md). An amount is exact at its currency's ISO 4217 minor units (JPY 0, USD 2,
/// KWD 3). Every conversion and every split is rounded here, half to even (banker's rounding, as UN financial
/// statements do), to the minor units of the currency it is stated in, and stored rounded; totals are sums of
/// rounded lines, so they never disagree with their parts.
/// </summary>
public static class Money
{
    public const string UsdCode = "USD";
    public const MidpointRounding Rounding = MidpointRounding.ToEven;

    /// <summary>The largest amount a client may send; with the smallest rate it still fits a numeric(18,2) column in USD.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>Exchange rates are stated with at most this many decimals (numeric(18,6)), and lie in [MinRate, MaxRate].</summary>
    public const int RateDecimals = 6;
    public const decimal MinRate = 0.001m;
    public const decimal MaxRate = 1_000_000m;

    /// <summary>Decimals of the currency's minor unit; an unknown code (validation rejects it first) counts as 2.</summary>
    public static int MinorUnits(string currency) => Reference.Currencies.TryGetValue(currency, out var c) ? c.MinorUnits : 2;

    public static decimal Round(string currency, decimal amount) => decimal.Round(amount, MinorUnits(currency), Rounding);

    public static decimal Usd(decimal amount) => decimal.Round(amount, 2, Rounding);

    public static decimal? Usd(decimal? amount) => amount is { } value ? Usd(value) : null;

    /// <summary>Whether the amount needs no rounding in its currency (has no more decimals than the minor unit allows).</summary>
    public static bool IsExact(string currency, decimal amount) => Round(currency, amount) == amount;

    /// <summary>An amount in <paramref name="currency"/> in US dollars at a UN rate (units per USD), rounded to cents.</summary>
    public static decimal ToUsd(string currency, decimal amount, decimal unitsPerUsd) =>
        currency == UsdCode ? Usd(amount) : Usd(amount / unitsPerUsd);

    /// <summary><paramref name="whole"/> × <paramref name="part"/> / <paramref name="of"/> rounded to cents: a proportional share of a USD amount.</summary>
    public static decimal UsdShare(decimal whole, decimal part, decimal of) => of == 0m ? 0m : Usd(whole * part / of);
}
