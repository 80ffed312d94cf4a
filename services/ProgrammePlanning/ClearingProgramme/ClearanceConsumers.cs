using MassTransit;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.ClearingProgramme;

/// <summary>Partners cleared the programme: one of the three approval facts.</summary>
public sealed class ProgrammeClearedConsumer(PlanningDb db, TimeProvider clock)
    : InboxConsumer<ProgrammeCleared, PlanningDb>(db)
{
    protected override async Task HandleAsync(ProgrammeCleared message, ConsumeContext<ProgrammeCleared> context)
    {
        if (await Db.LockProgrammeAsync(message.ProgrammeId, context.CancellationToken) is { } programme)
        {
            Db.AddEvents(programme.RecordClearance(clock.GetUtcNow()), programme.Id);
        }
    }
}

/// <summary>Partners raised concerns: the programme cannot be approved until staff act on them.</summary>
public sealed class ProgrammeClearanceRaisedConcernsConsumer(PlanningDb db)
    : InboxConsumer<ProgrammeClearanceRaisedConcerns, PlanningDb>(db)
{
    protected override async Task HandleAsync(ProgrammeClearanceRaisedConcerns message, ConsumeContext<ProgrammeClearanceRaisedConcerns> context)
    {
        if (await Db.LockProgrammeAsync(message.ProgrammeId, context.CancellationToken) is { } programme)
        {
            programme.RecordConcerns(message.Concerns.Select(c =>
                $"{c.PartnerCode}: {c.Kind}{(c.Comment is null ? "" : $" - {c.Comment}")}{(c.OverlappingActivityId is { } a ? $" (overlaps activity {a})" : "")}"));
        }
    }
}

/// <summary>A joint initiative names partners that join the programme; the IATI export lists them.</summary>
public sealed class JointInitiativeRecordedConsumer(PlanningDb db)
    : InboxConsumer<JointInitiativeRecorded, PlanningDb>(db)
{
    protected override async Task HandleAsync(JointInitiativeRecorded message, ConsumeContext<JointInitiativeRecorded> context)
    {
        if (await Db.LockProgrammeAsync(message.ProgrammeId, context.CancellationToken) is { } programme)
        {
            programme.JointPartners = [.. programme.JointPartners.Union(message.Partners.Select(p => p.PartnerCode)).Order(StringComparer.Ordinal)];
        }
    }
}
