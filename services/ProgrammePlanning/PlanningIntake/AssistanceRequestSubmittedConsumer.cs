using MassTransit;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.PlanningIntake;

public sealed class AssistanceRequestSubmittedConsumer(PlanningDb db, TimeProvider clock)
    : InboxConsumer<AssistanceRequestSubmitted, PlanningDb>(db)
{
    protected override async Task HandleAsync(AssistanceRequestSubmitted message, ConsumeContext<AssistanceRequestSubmitted> context)
    {
        if (await Db.IntakeItems.FindAsync([message.RequestId], context.CancellationToken) is { } accepted)
        {
            // Its acceptance overtook it on the broker and already recorded it.
            accepted.SubmittedAt = message.SubmittedAt;
            return;
        }
        Db.IntakeItems.Add(new PlanningIntakeItem
        {
            RequestId = message.RequestId,
            StateCode = message.StateCode,
            ThematicAreas = [.. message.ThematicAreas],
            Instruments = [.. message.Instruments],
            SubmittedAt = message.SubmittedAt,
            ReceivedAt = clock.GetUtcNow(),
        });
    }
}
