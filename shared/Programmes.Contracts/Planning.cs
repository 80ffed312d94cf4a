namespace Programmes.Contracts;

// Facts published by programme-planning.

public sealed record PlannedActivity(
    Guid ActivityId,
    string? StateCode,
    string ThematicArea,
    string Modality,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    decimal BudgetUsd);

public sealed record ProgrammeProposed(
    Guid ProgrammeId,
    string Title,
    IReadOnlyList<string> StateCodes,
    IReadOnlyList<string> ThematicAreas,
    IReadOnlyList<Guid> RequestIds,
    IReadOnlyList<PlannedActivity> Activities,
    decimal BudgetUsd,
    DateTimeOffset ProposedAt);

/// <summary>The programme's budget is known (first proposal, or a change): funding allocates against it.</summary>
public sealed record ProgrammeBudgeted(
    Guid ProgrammeId,
    IReadOnlyList<string> StateCodes,
    IReadOnlyList<string> ThematicAreas,
    IReadOnlyList<Guid> RequestIds,
    decimal BudgetUsd,
    DateTimeOffset BudgetedAt);

public sealed record ProgrammeApproved(
    Guid ProgrammeId,
    IReadOnlyList<string> StateCodes,
    IReadOnlyList<Guid> RequestIds,
    DateTimeOffset ApprovedAt);

/// <summary>Any lifecycle step after approval: InDelivery, Completed, Suspended, Cancelled.</summary>
public sealed record ProgrammeStatusChanged(
    Guid ProgrammeId,
    IReadOnlyList<string> StateCodes,
    IReadOnlyList<Guid> RequestIds,
    string PreviousStatus,
    string Status,
    string? Reason,
    DateTimeOffset ChangedAt);

public sealed record ActivityDelivered(
    Guid ProgrammeId,
    Guid ActivityId,
    string? StateCode,
    IReadOnlyList<Guid> RequestIds,
    string ThematicArea,
    string Modality,
    DateOnly ActualStart,
    DateOnly ActualEnd,
    int ParticipantsWomen,
    int ParticipantsMen,
    int ParticipantsOther,
    DateTimeOffset DeliveredAt);
