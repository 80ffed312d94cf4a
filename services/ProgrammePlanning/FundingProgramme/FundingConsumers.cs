using MassTransit;
using Microsoft.EntityFrameworkCore;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.FundingProgramme;

/// <summary>Allocations cover the budget: one of the three approval facts.</summary>
public sealed class ProgrammeFullyFundedConsumer(PlanningDb db, TimeProvider clock)
    : InboxConsumer<ProgrammeFullyFunded, PlanningDb>(db)
{
    protected override async Task HandleAsync(ProgrammeFullyFunded message, ConsumeContext<ProgrammeFullyFunded> context)
    {
        if (await Db.LockProgrammeAsync(message.ProgrammeId, context.CancellationToken) is not { } programme)
        {
            return;
        }
        // Funding judged an older, smaller budget: the ProgrammeBudgeted for the current one is on its way to it.
        if (message.BudgetUsd < programme.BudgetUsd)
        {
            return;
        }
        Db.AddEvents(programme.RecordFullFunding(clock.GetUtcNow()), programme.Id);
    }
}

/// <summary>Funding no longer covers the budget: the funded fact is withdrawn, an approved programme waits again.</summary>
public sealed class ProgrammeFundingGapOpenedConsumer(PlanningDb db, TimeProvider clock)
    : InboxConsumer<ProgrammeFundingGapOpened, PlanningDb>(db)
{
    protected override async Task HandleAsync(ProgrammeFundingGapOpened message, ConsumeContext<ProgrammeFundingGapOpened> context)
    {
        if (await Db.LockProgrammeAsync(message.ProgrammeId, context.CancellationToken) is { } programme)
        {
            var reason = $"Funding gap: {message.AllocatedUsd:0.00} of {message.BudgetUsd:0.00} USD allocated.";
            Db.AddEvents(programme.RecordFundingGap(reason, clock.GetUtcNow()), programme.Id);
        }
    }
}

public sealed class FundsAllocatedConsumer(PlanningDb db)
    : InboxConsumer<FundsAllocated, PlanningDb>(db)
{
    protected override Task HandleAsync(FundsAllocated message, ConsumeContext<FundsAllocated> context)
    {
        Db.FundingMovements.Add(new FundingMovement
        {
            AllocationId = message.AllocationId,
            Kind = FundingMovementKind.Allocated,
            ProgrammeId = message.ProgrammeId,
            DonorId = message.DonorId,
            DonorName = message.DonorName,
            Source = message.Source,
            PaymentId = message.PaymentId,
            AmountUsd = message.AmountUsd,
            SupportCostUsd = message.SupportCostUsd,
            At = message.AllocatedAt,
        });
        return Task.CompletedTask;
    }
}

public sealed class FundsReleasedConsumer(PlanningDb db)
    : InboxConsumer<FundsReleased, PlanningDb>(db)
{
    protected override async Task HandleAsync(FundsReleased message, ConsumeContext<FundsReleased> context)
    {
        var allocation = await Db.FundingMovements.AsNoTracking().SingleOrDefaultAsync(
            m => m.AllocationId == message.AllocationId && m.Kind == FundingMovementKind.Allocated, context.CancellationToken);
        Db.FundingMovements.Add(new FundingMovement
        {
            AllocationId = message.AllocationId,
            Kind = FundingMovementKind.Released,
            ProgrammeId = message.ProgrammeId,
            DonorId = message.DonorId,
            DonorName = allocation?.DonorName ?? message.DonorId.ToString(),
            Source = allocation?.Source,
            AmountUsd = message.AmountUsd,
            At = message.ReleasedAt,
        });
    }
}
