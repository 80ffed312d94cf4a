using MassTransit;
using Programmes.Contracts;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.Messaging;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;

namespace Programmes.Funding.AllocatingFunds;

/// <summary>
/// A new or changed programme budget: allocate to a new programme or a raised budget, release funds
/// above a lowered one (and offer them to programmes still waiting).
/// </summary>
public sealed class ProgrammeBudgetedConsumer(FundingDb db, Allocator allocator, TimeProvider clock)
    : InboxConsumer<ProgrammeBudgeted, FundingDb>(db)
{
    protected override async Task HandleAsync(ProgrammeBudgeted message, ConsumeContext<ProgrammeBudgeted> context)
    {
        var cancellationToken = context.CancellationToken;
        await allocator.LockAsync(cancellationToken);

        var programme = await Db.Programmes.FindAsync([message.ProgrammeId], cancellationToken);
        if (programme is null)
        {
            programme = new BudgetedProgramme
            {
                ProgrammeId = message.ProgrammeId,
                StateCodes = [.. message.StateCodes],
                ThematicAreas = [.. message.ThematicAreas],
                BudgetUsd = Money.Usd(message.BudgetUsd),
                BudgetedAt = message.BudgetedAt,
                FirstBudgetedAt = message.BudgetedAt,
            };
            Db.Programmes.Add(programme);
            await allocator.AllocateAsync(programme, cancellationToken);
            return;
        }
        if (message.BudgetedAt <= programme.BudgetedAt)
        {
            return;
        }

        var previousBudget = programme.BudgetUsd;
        programme.BudgetUsd = Money.Usd(message.BudgetUsd);
        programme.StateCodes = [.. message.StateCodes];
        programme.ThematicAreas = [.. message.ThematicAreas];
        programme.BudgetedAt = message.BudgetedAt;
        if (programme.AllocatedUsd > programme.BudgetUsd)
        {
            await allocator.ReleaseExcessAsync(programme, cancellationToken);
            await Db.SaveChangesAsync(cancellationToken);
            await allocator.AllocateWaitingAsync(cancellationToken);
            return;
        }
        if (programme.FullyFunded && programme.BudgetUsd > previousBudget && !AllocationRules.IsCovered(programme.GapUsd))
        {
            programme.FullyFunded = false;
            Db.AddEvent(new ProgrammeFundingGapOpened(programme.ProgrammeId, programme.BudgetUsd, programme.AllocatedUsd, clock.GetUtcNow()), programme.ProgrammeId);
        }
        await allocator.AllocateAsync(programme, cancellationToken);
    }
}
