using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.Funding.Persistence;

/// <summary>
/// Fixed precision and scale for every amount column (docs/money.md): USD in cents, an original-currency
/// amount at up to 3 decimals (the most any ISO 4217 currency has: BHD, KWD, OMR...; validation keeps each
/// to its own currency's), a UN rate at 6. PostgreSQL then refuses, rather than silently keeps, a stray digit.
/// </summary>
public static class MoneyColumns
{
    public static PropertyBuilder<T> IsUsd<T>(this PropertyBuilder<T> property) => property.HasPrecision(18, 2);

    public static PropertyBuilder<T> IsAmountInCurrency<T>(this PropertyBuilder<T> property) => property.HasPrecision(18, 3);

    public static PropertyBuilder<T> IsRate<T>(this PropertyBuilder<T> property) => property.HasPrecision(18, 6);
}
