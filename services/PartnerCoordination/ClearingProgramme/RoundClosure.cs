using Programmes.Contracts;
using Programmes.Contracts.Webhooks;
using Programmes.Messaging;
using Programmes.PartnerCoordination.DeliveringWebhooks;
using Programmes.PartnerCoordination.Persistence;

namespace Programmes.PartnerCoordination.ClearingProgramme;

/// <summary>
/// Closes a round: the silent are recorded as concurring by silence; overlaps flagged by partners,
/// proposed joint initiatives and detected overlaps the partner concerned did not explicitly concur
/// with are concerns. The fact and the partners' webhooks join the caller's unit of work.
/// </summary>
public static class RoundClosure
{
    public static async Task CloseAsync(CoordinationDb db, ClearanceRound round, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var silent in round.Addressees.Where(a => a.Answer is null))
        {
            silent.Answer = ClearanceAnswer.Silence;
            silent.AnsweredAt = now;
        }
        var concerns = round.Addressees
            .Where(a => a.Answer is ClearanceAnswer.FlagOverlap or ClearanceAnswer.ProposeJointInitiative)
            .Select(a => new ClearanceConcern(a.PartnerCode, a.Answer.ToString()!, a.Comment, a.OverlappingActivityId))
            .ToList();
        var concurredExplicitly = round.Addressees
            .Where(a => a.Answer is ClearanceAnswer.Concur or ClearanceAnswer.ConcurWithComments)
            .Select(a => a.PartnerCode).ToHashSet();
        concerns.AddRange(round.Overlaps
            .Where(o => !concurredExplicitly.Contains(o.PartnerCode))
            .DistinctBy(o => o.DeclaredActivityId)
            .Where(o => !concerns.Any(c => c.OverlappingActivityId == o.DeclaredActivityId))
            .Select(o => new ClearanceConcern(o.PartnerCode, "DetectedOverlap",
                $"{o.StateCode} {o.ThematicArea} {o.From:yyyy-MM-dd}..{o.To:yyyy-MM-dd}", o.DeclaredActivityId)));

        round.ClosedAt = now;
        round.LastChangedAt = now;
        round.Status = concerns.Count == 0 ? RoundStatus.Cleared : RoundStatus.ConcernsRaised;
        if (round.Status == RoundStatus.Cleared)
        {
            db.AddEvent(new ProgrammeCleared(round.ProgrammeId, round.Id,
                [.. round.Addressees.Where(a => a.Answer != ClearanceAnswer.Silence).Select(a => a.PartnerCode)],
                [.. round.Addressees.Where(a => a.Answer == ClearanceAnswer.Silence).Select(a => a.PartnerCode)],
                now), round.ProgrammeId);
        }
        else
        {
            db.AddEvent(new ProgrammeClearanceRaisedConcerns(round.ProgrammeId, round.Id, concerns, now), round.ProgrammeId);
        }
        await db.QueueWebhooksAsync([.. round.Addressees.Select(a => a.PartnerCode)], WebhookEvents.RoundClosed,
            new ClearanceRoundClosed(round.Id, round.ProgrammeId, round.Status.ToString(), now), now, cancellationToken);
    }
}
