using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Programmes.Contracts;
using Programmes.Contracts.Webhooks;
using Programmes.Messaging;
using Programmes.PartnerCoordination.DeliveringWebhooks;
using Programmes.PartnerCoordination.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.PartnerCoordination.ClearingProgramme;

/// <summary>Opens a clearance round for a proposed programme: addressed to CTED and the partners whose interests match, with overlaps found at once.</summary>
public sealed class ProgrammeProposedConsumer(CoordinationDb db, TimeProvider clock, IOptions<ClearanceOptions> options, WebhookSignal signal)
    : InboxConsumer<ProgrammeProposed, CoordinationDb>(db)
{
    protected override async Task HandleAsync(ProgrammeProposed message, ConsumeContext<ProgrammeProposed> context)
    {
        var cancellationToken = context.CancellationToken;
        // A programme already under clearance is not consulted on twice while its round is open.
        if (await Db.ClearanceRounds.AnyAsync(r => r.ProgrammeId == message.ProgrammeId && r.Status == RoundStatus.Open, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var round = new ClearanceRound
        {
            Id = Guid.CreateVersion7(now),
            ProgrammeId = message.ProgrammeId,
            Title = message.Title,
            StateCodes = [.. message.StateCodes],
            ThematicAreas = [.. message.ThematicAreas],
            Activities = [.. message.Activities.Select(a => new ProgrammeActivity(a.ActivityId, a.StateCode, a.ThematicArea, a.Modality, a.PlannedStart, a.PlannedEnd))],
            Status = RoundStatus.Open,
            OpenedAt = now,
            Deadline = options.Value.DeadlineFrom(now),
            LastChangedAt = now,
        };
        var partners = await Db.Partners.AsNoTracking().ToListAsync(cancellationToken);
        var areas = message.ThematicAreas.Concat(message.Activities.Select(a => a.ThematicArea)).Distinct().ToArray();
        round.Addressees.AddRange(partners.Where(p => p.IsInterestedIn(message.StateCodes, areas))
            .Select(p => new Addressee { RoundId = round.Id, PartnerCode = p.Code }));
        round.Overlaps.AddRange(OverlapDetection.Detect(round, await OverlapDetection.CandidatesAsync(Db, round, cancellationToken)));
        Db.ClearanceRounds.Add(round);

        var addressed = round.Addressees.Select(a => a.PartnerCode).ToArray();
        await Db.QueueWebhooksAsync(addressed, WebhookEvents.RoundOpened, new ClearanceRoundOpened(
            round.Id, round.ProgrammeId, round.Title, round.StateCodes, round.ThematicAreas, round.Deadline,
            $"/api/coordination/rounds/{round.Id}/answers"), now, cancellationToken);
        signal.Notify();
    }
}
