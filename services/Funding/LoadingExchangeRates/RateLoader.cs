using Microsoft.EntityFrameworkCore;
using Programmes.Contracts;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.Messaging;
using Programmes.ReferenceData;

namespace Programmes.Funding.LoadingExchangeRates;

public sealed record RateLine(string Currency, DateOnly Month, decimal UnitsPerUsd);

public sealed record ConvertedCounts(int Pledges, int Payments, int InKind);

public sealed record RatesLoaded(int Loaded, int Unchanged, ConvertedCounts Converted, IReadOnlyList<string> Conflicts);

/// <summary>
/// Stores rates and converts, in the same transaction, every contribution that waited for one of them;
/// each converted amount is rounded to cents when stored (docs/money.md); converted payments become paid funds and are offered to programmes still waiting.
/// A month's published rate does not change: a different figure for a stored month is a conflict.
/// </summary>
public sealed class RateLoader(FundingDb db, Allocator allocator, TimeProvider clock)
{
    public async Task<RatesLoaded> LoadAsync(IReadOnlyList<RateLine> lines, CancellationToken cancellationToken)
    {
        await allocator.LockAsync(cancellationToken);
        var currencies = lines.Select(l => l.Currency).Distinct().ToList();
        var months = lines.Select(l => l.Month).Distinct().ToList();
        var stored = await db.ExchangeRates.AsNoTracking()
            .Where(r => currencies.Contains(r.Currency) && months.Contains(r.Month))
            .ToDictionaryAsync(r => (r.Currency, r.Month), cancellationToken);
        var conflicts = lines
            .Where(l => stored.TryGetValue((l.Currency, l.Month), out var s) && s.UnitsPerUsd != l.UnitsPerUsd)
            .Select(l => $"{l.Currency} {l.Month:yyyy-MM} is already loaded at {stored[(l.Currency, l.Month)].UnitsPerUsd}, not {l.UnitsPerUsd}.")
            .ToList();
        var fresh = lines.Where(l => !stored.ContainsKey((l.Currency, l.Month))).ToList();
        if (conflicts.Count > 0)
        {
            return new RatesLoaded(0, 0, new ConvertedCounts(0, 0, 0), conflicts);
        }

        var now = clock.GetUtcNow();
        int pledges = 0, payments = 0, inKind = 0;
        foreach (var line in fresh)
        {
            db.ExchangeRates.Add(new ExchangeRate { Currency = line.Currency, Month = line.Month, UnitsPerUsd = line.UnitsPerUsd, LoadedAt = now });
            foreach (var pledge in await db.Pledges.Where(p => p.Currency == line.Currency && p.RateMonth == line.Month && p.AmountUsd == null).ToListAsync(cancellationToken))
            {
                pledge.AmountUsd = Money.ToUsd(pledge.Currency, pledge.Amount, line.UnitsPerUsd);
                db.AddEvent(new ContributionConverted(pledge.Id, "Pledge", pledge.DonorId, pledge.Amount, pledge.Currency, pledge.AmountUsd.Value, line.Month, now), pledge.Id);
                pledges++;
            }
            foreach (var payment in await db.Payments.Where(p => p.Currency == line.Currency && p.RateMonth == line.Month && p.AmountUsd == null).ToListAsync(cancellationToken))
            {
                payment.AmountUsd = Money.ToUsd(payment.Currency, payment.Amount, line.UnitsPerUsd);
                db.AddEvent(new ContributionConverted(payment.Id, "Payment", payment.DonorId, payment.Amount, payment.Currency, payment.AmountUsd.Value, line.Month, now), payment.PledgeId);
                payments++;
            }
            foreach (var item in await db.InKindContributions.Where(c => c.Currency == line.Currency && c.RateMonth == line.Month && c.EstimatedValueUsd == null).ToListAsync(cancellationToken))
            {
                item.EstimatedValueUsd = Money.ToUsd(item.Currency, item.EstimatedValue, line.UnitsPerUsd);
                db.AddEvent(new ContributionConverted(item.Id, "InKind", item.DonorId, item.EstimatedValue, item.Currency, item.EstimatedValueUsd.Value, line.Month, now), item.Id);
                inKind++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (payments > 0)
        {
            await allocator.AllocateWaitingAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return new RatesLoaded(fresh.Count, lines.Count - fresh.Count, new ConvertedCounts(pledges, payments, inKind), []);
    }
}
