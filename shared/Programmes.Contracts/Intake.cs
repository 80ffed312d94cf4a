using System.ComponentModel;
namespace Programmes.Contracts;

// Facts published by request-intake. Every event carries the ids and the State a consumer needs,
// so no consumer has to call intake back.

public sealed record AssistanceRequestSubmitted(
    Guid RequestId,
    string StateCode,
    string RequestingAuthority,
    IReadOnlyList<string> ThematicAreas,
    IReadOnlyList<string> Instruments,
    IReadOnlyList<string> PreferredModalities,
    DateOnly? DesiredStart,
    DateOnly? DesiredEnd,
    RequestOrigin Origin,
    DateTimeOffset SubmittedAt);

[Description("Where an assistance request came from.")]
public enum RequestOrigin
{
    [Description("Submitted by the State itself.")]
    MemberState,
    [Description("Referred by CTED and endorsed by the State.")]
    CtedReferral,
}

public sealed record AssistanceRequestAccepted(
    Guid RequestId,
    string StateCode,
    IReadOnlyList<string> ThematicAreas,
    IReadOnlyList<string> Instruments,
    DateTimeOffset AcceptedAt);

public sealed record AssistanceRequestDeclined(
    Guid RequestId,
    string StateCode,
    string Reason,
    string? ReasonText,
    DateTimeOffset DeclinedAt);

public sealed record AssistanceRequestInformationRequested(
    Guid RequestId,
    string StateCode,
    IReadOnlyList<string> Questions,
    DateTimeOffset RequestedAt);

public sealed record AssistanceRequestInformationProvided(
    Guid RequestId,
    string StateCode,
    DateTimeOffset ProvidedAt);

/// <summary>The State endorsed a CTED referral: from now on it is the State's own request.</summary>
public sealed record CtedReferralEndorsed(
    Guid RequestId,
    Guid ReferralId,
    string StateCode,
    DateTimeOffset EndorsedAt);

public sealed record CtedReferralDeclinedByState(
    Guid RequestId,
    Guid ReferralId,
    string StateCode,
    DateTimeOffset DeclinedAt);

public sealed record RatificationStatusChanged(
    string StateCode,
    string InstrumentCode,
    string PreviousStatus,
    string Status,
    DateOnly? EffectiveDate,
    DateTimeOffset ChangedAt);

/// <summary>The ratification tracker's statuses as they travel in events.</summary>
public static class RatificationStatuses
{
    public const string None = "None";
    public const string Signed = "Signed";
    public const string Ratified = "Ratified";
    public const string Acceded = "Acceded";
    public const string Succeeded = "Succeeded";

    /// <summary>Ratification, accession and succession make a State party to an instrument; a signature does not.</summary>
    public static bool IsParty(string? status) => status is Ratified or Acceded or Succeeded;

    /// <summary>The change made the State a party: the step the implementation report counts (op. 1, 19).</summary>
    public static bool BecameParty(RatificationStatusChanged change) => !IsParty(change.PreviousStatus) && IsParty(change.Status);
}
