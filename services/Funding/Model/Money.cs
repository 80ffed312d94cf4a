using Programmes.ReferenceData;

namespace Programmes.Funding.Model;

/// <summary>
/// Amounts are kept at full decimal precision; they are rounded only here, for presentation, to the
/// currency's minor units with banker's rounding (half to even), as UN financial statements do.
/// </summary>
public static class Money
{
    public static decimal Usd(decimal amount) => decimal.Round(amount, 2, MidpointRounding.ToEven);

    public static decimal? Usd(decimal? amount) => amount is { } value ? Usd(value) : null;

    public static decimal In(string currency, decimal amount) =>
        decimal.Round(amount, Reference.Currencies.TryGetValue(currency, out var c) ? c.MinorUnits : 2, MidpointRounding.ToEven);

    /// <summary>The month whose UN operational rate applies to a date.</summary>
    public static DateOnly RateMonth(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>A gap smaller than half a cent is no gap: it would present as 0.00.</summary>
    public static bool IsCovered(decimal gapUsd) => Usd(gapUsd) <= 0m;
}
