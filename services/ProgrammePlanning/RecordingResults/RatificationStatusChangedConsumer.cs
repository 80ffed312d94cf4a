using MassTransit;
using Microsoft.EntityFrameworkCore;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.RecordingResults;

/// <summary>
/// A ratification that followed a programme: the tracker's change made one of the programme's States party
/// to one of its instruments, after the programme's first approval. Signatures and corrections between
/// party statuses (ratified to acceded, say) are not results.
/// </summary>
public sealed class RatificationStatusChangedConsumer(PlanningDb db)
    : InboxConsumer<RatificationStatusChanged, PlanningDb>(db)
{
    protected override async Task HandleAsync(RatificationStatusChanged message, ConsumeContext<RatificationStatusChanged> context)
    {
        if (!RatificationStatuses.BecameParty(message))
        {
            return;
        }
        var followed = await Db.Programmes
            .Where(p => p.StateCodes.Contains(message.StateCode) && p.Instruments.Contains(message.InstrumentCode))
            .Where(p => p.FirstApprovedAt != null && p.FirstApprovedAt <= message.ChangedAt && p.Status != ProgrammeStatus.Cancelled)
            .Select(p => p.Id)
            .ToListAsync(context.CancellationToken);
        var date = message.EffectiveDate ?? DateOnly.FromDateTime(message.ChangedAt.UtcDateTime);
        foreach (var programmeId in followed)
        {
            Db.Results.Add(new ProgrammeResult
            {
                Id = Guid.CreateVersion7(message.ChangedAt),
                ProgrammeId = programmeId,
                Kind = ResultKind.Ratification,
                Description = $"{message.StateCode}: {message.InstrumentCode} {message.PreviousStatus} -> {message.Status}",
                StateCode = message.StateCode,
                InstrumentCode = message.InstrumentCode,
                RatificationStatus = message.Status,
                Date = date,
                RecordedAt = message.ChangedAt,
            });
        }
    }
}
