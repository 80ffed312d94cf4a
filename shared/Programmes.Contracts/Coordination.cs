namespace Programmes.Contracts;

// Facts published by partner-coordination.

/// <summary>CTED shared, with the State's consent, needs it identified; intake awaits the State's endorsement.</summary>
public sealed record CtedReferralShared(
    Guid ReferralId,
    string StateCode,
    IReadOnlyList<string> ThematicAreas,
    IReadOnlyList<string> Instruments,
    string Recommendation,
    string AssessmentReference,
    DateOnly AssessmentDate,
    DateTimeOffset SharedAt);

public sealed record ProgrammeCleared(
    Guid ProgrammeId,
    Guid RoundId,
    IReadOnlyList<string> ConcurringPartners,
    IReadOnlyList<string> SilentPartners,
    DateTimeOffset ClearedAt);

public sealed record ClearanceConcern(string PartnerCode, string Kind, string? Comment, Guid? OverlappingActivityId);

public sealed record ProgrammeClearanceRaisedConcerns(
    Guid ProgrammeId,
    Guid RoundId,
    IReadOnlyList<ClearanceConcern> Concerns,
    DateTimeOffset ClosedAt);

public sealed record JointInitiativePartner(string PartnerCode, string Role, string? Contribution);

public sealed record JointInitiativeRecorded(
    Guid InitiativeId,
    Guid ProgrammeId,
    string Title,
    IReadOnlyList<JointInitiativePartner> Partners,
    DateTimeOffset RecordedAt);

public sealed record WebhookEndpointDisabled(
    string PartnerCode,
    Guid EndpointId,
    string Url,
    string Reason,
    DateTimeOffset DisabledAt);
