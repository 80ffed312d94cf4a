using MassTransit;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.Persistence;

namespace Programmes.ProgrammePlanning.FundingProgramme;

/// <summary>A pledge earmarked to one programme is that programme's incoming commitment in the IATI export; other pledges reach programmes through allocations.</summary>
public sealed class PledgeRecordedConsumer(PlanningDb db)
    : InboxConsumer<PledgeRecorded, PlanningDb>(db)
{
    protected override Task HandleAsync(PledgeRecorded message, ConsumeContext<PledgeRecorded> context)
    {
        if (message.Earmarking == "Programme" && Guid.TryParse(message.EarmarkedTo, out var programmeId))
        {
            Db.DonorContributions.Add(new DonorContribution
            {
                Id = message.PledgeId,
                Kind = DonorContributionKind.Pledge,
                PledgeId = message.PledgeId,
                DonorId = message.DonorId,
                DonorCode = message.DonorCode,
                DonorName = message.DonorName,
                ProgrammeId = programmeId,
                Amount = message.Amount,
                Currency = message.Currency,
                Date = message.PledgeDate,
            });
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Every payment is kept, because it may be heard of before its pledge; the export joins it to an earmarked
/// pledge and ignores the rest.
/// </summary>
public sealed class PaymentReceivedConsumer(PlanningDb db)
    : InboxConsumer<PaymentReceived, PlanningDb>(db)
{
    protected override Task HandleAsync(PaymentReceived message, ConsumeContext<PaymentReceived> context)
    {
        Db.DonorContributions.Add(new DonorContribution
        {
            Id = message.PaymentId,
            Kind = DonorContributionKind.Payment,
            PledgeId = message.PledgeId,
            DonorId = message.DonorId,
            Amount = message.Amount,
            Currency = message.Currency,
            Date = message.ValueDate,
        });
        return Task.CompletedTask;
    }
}
