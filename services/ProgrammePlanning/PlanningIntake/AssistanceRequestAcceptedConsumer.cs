using MassTransit;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.PlanningIntake;

/// <summary>Marks the request accepted: only accepted requests may be built into programmes.</summary>
public sealed class AssistanceRequestAcceptedConsumer(PlanningDb db, TimeProvider clock)
    : InboxConsumer<AssistanceRequestAccepted, PlanningDb>(db)
{
    protected override async Task HandleAsync(AssistanceRequestAccepted message, ConsumeContext<AssistanceRequestAccepted> context)
    {
        var item = await Db.IntakeItems.FindAsync([message.RequestId], context.CancellationToken);
        if (item is null)
        {
            // The acceptance overtook the submission on the broker: the submission, when it comes, finds this item.
            item = new PlanningIntakeItem
            {
                RequestId = message.RequestId,
                StateCode = message.StateCode,
                ThematicAreas = [.. message.ThematicAreas],
                SubmittedAt = message.AcceptedAt,
                ReceivedAt = clock.GetUtcNow(),
            };
            Db.IntakeItems.Add(item);
        }
        item.ThematicAreas = [.. message.ThematicAreas];
        item.Instruments = [.. message.Instruments];
        item.AcceptedAt = message.AcceptedAt;
    }
}
