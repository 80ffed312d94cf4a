using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Programmes.Contracts;
using Programmes.Funding.Persistence;
using Programmes.Messaging;
using Programmes.ServiceDefaults;

namespace Programmes.Funding.Model;

/// <summary>
/// Assigns paid funds to budgeted programmes: contributions earmarked to the programme first, then to one
/// of its States, then to one of its thematic areas or regions, then unearmarked funds; within each step
/// the oldest value date first. Voluntary funds carry programme support cost on top of the direct cost
/// they fund (drawing 113 funds 100 at 13%); the regular budget does not.
/// Every caller holds <see cref="LockAsync"/> in its transaction, so two programmes never draw the same money.
/// </summary>
public sealed class Allocator(FundingDb db, IOptions<FundingOptions> options, TimeProvider clock)
{
    private const long LockKey = 0x46_554E_4449_4E47; // "FUNDING"

    /// <summary>Serialises everything that moves money, until the caller's transaction ends.</summary>
    public async Task LockAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The allocation lock lasts only as long as a transaction; begin one first.");
        }
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
    }

    /// <summary>Serves programmes still waiting for money, oldest budget first. Pending changes must be saved.</summary>
    public async Task AllocateWaitingAsync(CancellationToken cancellationToken)
    {
        var funds = await OpenFundsAsync(cancellationToken);
        var waiting = await db.Programmes.Where(p => !p.FullyFunded).OrderBy(p => p.FirstBudgetedAt).ThenBy(p => p.ProgrammeId).ToListAsync(cancellationToken);
        foreach (var programme in waiting)
        {
            if (funds.All(f => f.AvailableUsd <= 0m))
            {
                return;
            }
            Allocate(programme, funds);
        }
    }

    /// <summary>Covers as much of the programme's gap as paid funds allow. Pending payment changes must be saved.</summary>
    public async Task AllocateAsync(BudgetedProgramme programme, CancellationToken cancellationToken) =>
        Allocate(programme, await OpenFundsAsync(cancellationToken));

    /// <summary>Gives back the most recent allocations until the programme holds no more than its budget.</summary>
    public async Task ReleaseExcessAsync(BudgetedProgramme programme, CancellationToken cancellationToken)
    {
        var excess = programme.AllocatedUsd - programme.BudgetUsd;
        var allocations = await db.Allocations.Include(a => a.Payment)
            .Where(a => a.ProgrammeId == programme.ProgrammeId && a.AmountUsd > 0)
            .OrderByDescending(a => a.Ordinal)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var allocation in allocations.TakeWhile(_ => excess > 0m))
        {
            var released = Math.Min(allocation.AmountUsd, excess);
            var supportCost = released == allocation.AmountUsd ? allocation.SupportCostUsd : allocation.SupportCostUsd * released / allocation.AmountUsd;
            allocation.AmountUsd -= released;
            allocation.SupportCostUsd -= supportCost;
            allocation.ReleasedUsd += released;
            allocation.Payment.AllocatedUsd -= released + supportCost;
            programme.AllocatedUsd -= released;
            programme.SupportCostUsd -= supportCost;
            excess -= released;
            db.AddEvent(new FundsReleased(allocation.Id, programme.ProgrammeId, allocation.DonorId, released, now, supportCost), programme.ProgrammeId);
        }
        Settle(programme);
    }

    private void Allocate(BudgetedProgramme programme, List<Payment> funds)
    {
        var gap = programme.BudgetUsd - programme.AllocatedUsd;
        var now = clock.GetUtcNow();
        var candidates = funds
            .Select(payment => (Payment: payment, Rank: Rank(payment.Pledge, programme)))
            .Where(c => c.Rank is not null && c.Payment.AvailableUsd > 0m)
            .OrderBy(c => c.Rank).ThenBy(c => c.Payment.ValueDate).ThenBy(c => c.Payment.ReceivedAt).ThenBy(c => c.Payment.Id);
        foreach (var (payment, _) in candidates)
        {
            if (Money.IsCovered(gap))
            {
                break;
            }
            var donor = payment.Pledge.Donor;
            var markup = 1m + (donor.IsVoluntary ? options.Value.SupportCostRate : 0m);
            var needed = gap * markup;
            var drawn = Math.Min(needed, payment.AvailableUsd);
            var funded = drawn == needed ? gap : drawn / markup;
            var allocation = new Allocation
            {
                Id = Guid.CreateVersion7(now),
                ProgrammeId = programme.ProgrammeId,
                Ordinal = ++programme.AllocationsMade,
                PaymentId = payment.Id,
                Payment = payment,
                DonorId = donor.Id,
                Donor = donor,
                Source = donor.IsVoluntary ? FundingSource.Voluntary : FundingSource.RegularBudget,
                Step = payment.Pledge.Earmarking,
                AmountUsd = funded,
                SupportCostUsd = drawn - funded,
                AllocatedAt = now,
            };
            db.Allocations.Add(allocation);
            payment.AllocatedUsd += drawn;
            programme.AllocatedUsd += funded;
            programme.SupportCostUsd += allocation.SupportCostUsd;
            gap -= funded;
            Telemetry.Tag(Telemetry.Attributes.ProgrammeId, programme.ProgrammeId);
            db.AddEvent(new FundsAllocated(allocation.Id, programme.ProgrammeId, donor.Id, donor.Name, allocation.Source.ToString(),
                funded, allocation.SupportCostUsd, now, payment.Id, allocation.Step.ToString()), programme.ProgrammeId);
        }
        Settle(programme);
    }

    /// <summary>Announces full funding once, when allocations first cover the budget.</summary>
    private void Settle(BudgetedProgramme programme)
    {
        if (!programme.FullyFunded && Money.IsCovered(programme.BudgetUsd - programme.AllocatedUsd))
        {
            programme.FullyFunded = true;
            db.AddEvent(new ProgrammeFullyFunded(programme.ProgrammeId, programme.BudgetUsd, programme.AllocatedUsd, clock.GetUtcNow()), programme.ProgrammeId);
        }
    }

    /// <summary>0 earmarked to the programme, 1 to one of its States, 2 to its thematic area or region, 3 unearmarked; null: not for it.</summary>
    private static int? Rank(Pledge pledge, BudgetedProgramme programme) => pledge.Earmarking switch
    {
        Earmarking.Programme when pledge.EarmarkedTo == programme.ProgrammeId.ToString() => 0,
        Earmarking.State when programme.StateCodes.Contains(pledge.EarmarkedTo!) => 1,
        Earmarking.ThematicArea when programme.ThematicAreas.Contains(pledge.EarmarkedTo!) => 2,
        Earmarking.Region when programme.RegionalGroups.Contains(pledge.EarmarkedTo!) => 2,
        Earmarking.Unearmarked => 3,
        _ => null,
    };

    private Task<List<Payment>> OpenFundsAsync(CancellationToken cancellationToken) =>
        db.Payments.Include(p => p.Pledge).ThenInclude(p => p.Donor)
            .Where(p => p.AmountUsd != null && p.AllocatedUsd < p.AmountUsd)
            .ToListAsync(cancellationToken);
}
