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
/// they fund (drawing 113.00 funds 100.00 at 13%); the regular budget does not. The arithmetic is in
/// <see cref="AllocationRules"/>; this class loads the rows, saves them and announces what moved.
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
        var allocations = await db.Allocations.Include(a => a.Payment)
            .Where(a => a.ProgrammeId == programme.ProgrammeId && a.AmountUsd > 0)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (allocation, released) in AllocationRules.Release(programme, allocations))
        {
            db.AddEvent(new FundsReleased(allocation.Id, programme.ProgrammeId, allocation.DonorId, released.Direct, now, released.Support), programme.ProgrammeId);
        }
        Settle(programme);
    }

    private void Allocate(BudgetedProgramme programme, List<Payment> funds)
    {
        var now = clock.GetUtcNow();
        foreach (var allocation in AllocationRules.Allocate(programme, funds, options.Value.SupportCostRate, now))
        {
            db.Allocations.Add(allocation);
            Telemetry.Tag(Telemetry.Attributes.ProgrammeId, programme.ProgrammeId);
            db.AddEvent(new FundsAllocated(allocation.Id, programme.ProgrammeId, allocation.DonorId, allocation.Donor.Name, allocation.Source.ToString(),
                allocation.AmountUsd, allocation.SupportCostUsd, now, allocation.PaymentId, allocation.Step.ToString()), programme.ProgrammeId);
        }
        Settle(programme);
    }

    /// <summary>Announces full funding once, when allocations first cover the budget.</summary>
    private void Settle(BudgetedProgramme programme)
    {
        if (AllocationRules.Settle(programme))
        {
            db.AddEvent(new ProgrammeFullyFunded(programme.ProgrammeId, programme.BudgetUsd, programme.AllocatedUsd, clock.GetUtcNow()), programme.ProgrammeId);
        }
    }

    private Task<List<Payment>> OpenFundsAsync(CancellationToken cancellationToken) =>
        db.Payments.Include(p => p.Pledge).ThenInclude(p => p.Donor)
            .Where(p => p.AmountUsd != null && p.AllocatedUsd < p.AmountUsd)
            .ToListAsync(cancellationToken);
}
