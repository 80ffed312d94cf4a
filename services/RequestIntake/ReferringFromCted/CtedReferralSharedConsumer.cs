using MassTransit;
using Microsoft.EntityFrameworkCore;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.ReferenceData;
using Programmes.RequestIntake.Persistence;

namespace Programmes.RequestIntake.ReferringFromCted;

/// <summary>A referral shared through partner-coordination becomes a request awaiting the State's endorsement.</summary>
public sealed class CtedReferralSharedConsumer(IntakeDb db, TimeProvider clock)
    : InboxConsumer<CtedReferralShared, IntakeDb>(db)
{
    protected override async Task HandleAsync(CtedReferralShared message, ConsumeContext<CtedReferralShared> context)
    {
        if (await Db.Requests.AnyAsync(r => r.ReferralId == message.ReferralId, context.CancellationToken))
        {
            return;
        }
        // A referral intake cannot file is a defect upstream: fail it, so it lands in the error queue for operations.
        if (!Reference.IsMemberState(message.StateCode) || message.ThematicAreas.Count == 0
            || !message.ThematicAreas.All(Reference.IsThematicArea) || !message.Instruments.All(Reference.IsInstrument))
        {
            throw new InvalidOperationException($"Referral {message.ReferralId} names an unknown State, thematic area or instrument.");
        }
        Referral.Receive(Db, message.ReferralId, message.StateCode, message.ThematicAreas, message.Instruments,
            message.Recommendation, message.AssessmentReference, message.AssessmentDate, clock.GetUtcNow());
    }
}
