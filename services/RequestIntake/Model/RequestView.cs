using Programmes.Contracts;

namespace Programmes.RequestIntake.Model;

public sealed record TimelineEntryView(DateTimeOffset At, TimelineKind Kind, string Description, Guid? ProgrammeId)
{
    public static TimelineEntryView From(TimelineEntry e) => new(e.At, Enum.Parse<TimelineKind>(e.Kind), e.Description, e.ProgrammeId);
}

/// <summary>A request as every client reads it.</summary>
public sealed record RequestView(
    Guid Id,
    string StateCode,
    RequestOrigin Origin,
    RequestStatus Status,
    string? RequestingAuthority,
    string? ContactPerson,
    string? ContactEmail,
    string? ContactPhone,
    IReadOnlyList<string> ThematicAreas,
    IReadOnlyList<string> Instruments,
    string Needs,
    string? Priorities,
    DateOnly? DesiredStart,
    DateOnly? DesiredEnd,
    IReadOnlyList<string> PreferredModalities,
    IReadOnlyList<string> BeneficiaryInstitutions,
    IReadOnlyList<Guid> PossibleDuplicateOf,
    DeclineReason? DeclineReason,
    string? DeclineText,
    IReadOnlyList<string> OpenQuestions,
    string? LastAnswer,
    Guid? ReferralId,
    string? AssessmentReference,
    DateOnly? AssessmentDate,
    bool StateConsented,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TimelineEntryView> Timeline)
{
    public static RequestView From(AssistanceRequest r, IEnumerable<TimelineEntry> timeline) => new(
        r.Id, r.StateCode, r.Origin, r.Status, r.RequestingAuthority, r.ContactPerson, r.ContactEmail,
        r.ContactPhone, r.ThematicAreas, r.Instruments, r.Needs, r.Priorities, r.DesiredStart, r.DesiredEnd,
        r.PreferredModalities, r.BeneficiaryInstitutions, r.PossibleDuplicateOf, r.DeclineReason, r.DeclineText,
        r.OpenQuestions, r.LastAnswer, r.ReferralId, r.AssessmentReference, r.AssessmentDate, r.StateConsented, r.SubmittedAt, r.UpdatedAt,
        timeline.OrderBy(e => e.At).ThenBy(e => e.Id).Select(TimelineEntryView.From).ToList());
}
