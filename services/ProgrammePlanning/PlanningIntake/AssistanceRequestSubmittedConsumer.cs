using MassTransit;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.PlanningIntake;

public sealed class AssistanceRequestSubmittedConsumer(PlanningDb db, OutboxMetrics metrics, TimeProvider clock)
    : InboxConsumer<AssistanceRequestSubmitted, PlanningDb>(db, metrics)
{
    protected override Task HandleAsync(AssistanceRequestSubmitted message, ConsumeContext<AssistanceRequestSubmitted> context)
    {
        Telemetry.Tag(Telemetry.Attributes.RequestId, message.RequestId);
        Telemetry.Tag(Telemetry.Attributes.StateCode, message.StateCode);
        Db.IntakeItems.Add(new PlanningIntakeItem
        {
            RequestId = message.RequestId,
            StateCode = message.StateCode,
            ThematicAreas = [.. message.ThematicAreas],
            SubmittedAt = message.SubmittedAt,
            ReceivedAt = clock.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}
