using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;

namespace Programmes.RequestIntake.FollowingProgrammes;

public sealed class ProgrammeProposedTimelineConsumer(IntakeDb db) : TimelineConsumer<ProgrammeProposed>(db)
{
    protected override TimelineStep Describe(ProgrammeProposed m) =>
        new(m.ProgrammeId, m.RequestIds, m.ProposedAt, TimelineKind.ProgrammeProposed, $"Programme '{m.Title}' proposed with {m.Activities.Count} activities.");
}

public sealed class ProgrammeClearedTimelineConsumer(IntakeDb db) : TimelineConsumer<ProgrammeCleared>(db)
{
    protected override TimelineStep Describe(ProgrammeCleared m) =>
        new(m.ProgrammeId, null, m.ClearedAt, TimelineKind.ProgrammeCleared, "The programme was cleared with CTED and the partners concerned.");
}

public sealed class ProgrammeFullyFundedTimelineConsumer(IntakeDb db) : TimelineConsumer<ProgrammeFullyFunded>(db)
{
    protected override TimelineStep Describe(ProgrammeFullyFunded m) =>
        new(m.ProgrammeId, null, m.FundedAt, TimelineKind.ProgrammeFullyFunded, "The programme is fully funded.");
}

public sealed class ProgrammeApprovedTimelineConsumer(IntakeDb db) : TimelineConsumer<ProgrammeApproved>(db)
{
    protected override TimelineStep Describe(ProgrammeApproved m) =>
        new(m.ProgrammeId, m.RequestIds, m.ApprovedAt, TimelineKind.ProgrammeApproved, "The programme was approved; delivery can begin.");
}

public sealed class ActivityDeliveredTimelineConsumer(IntakeDb db) : TimelineConsumer<ActivityDelivered>(db)
{
    protected override TimelineStep Describe(ActivityDelivered m) =>
        new(m.ProgrammeId, m.RequestIds, m.DeliveredAt, TimelineKind.ActivityDelivered,
            $"Activity delivered ({m.Modality}, {m.ThematicArea}) {m.ActualStart:yyyy-MM-dd} to {m.ActualEnd:yyyy-MM-dd}, "
            + $"{m.ParticipantsWomen + m.ParticipantsMen + m.ParticipantsOther} participants.");
}

public sealed class ProgrammeStatusChangedTimelineConsumer(IntakeDb db) : TimelineConsumer<ProgrammeStatusChanged>(db)
{
    protected override TimelineStep Describe(ProgrammeStatusChanged m) =>
        new(m.ProgrammeId, m.RequestIds, m.ChangedAt, Enum.Parse<TimelineKind>($"Programme{m.Status}"),
            $"The programme is now {m.Status}{(m.Reason is null ? "" : $": {m.Reason}")}.");
}
