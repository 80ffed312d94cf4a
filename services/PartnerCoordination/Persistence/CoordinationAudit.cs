using Programmes.Auditing;
using Programmes.PartnerCoordination.ClearingProgramme;
using Programmes.PartnerCoordination.DeclaringActivities;
using Programmes.PartnerCoordination.ManagingEndpoints;
using Programmes.PartnerCoordination.ManagingPartners;
using Programmes.PartnerCoordination.RecordingJointInitiatives;
using Programmes.PartnerCoordination.ReferringNeeds;

namespace Programmes.PartnerCoordination.Persistence;

/// <summary>
/// What coordination's audit records: CTED's referrals, clearance rounds and each partner's answer, declared
/// activities, joint initiatives, partners and webhook endpoints (never their secrets). A partner reads the
/// entries on its own objects.
/// </summary>
internal static class CoordinationAudit
{
    public static void Track(AuditRules<CoordinationDb> audit) => audit
        .Track<CtedReferral>("referral", r => r.Id, _ => [AuditReaders.Partner(Partner.Cted)],
            nameof(CtedReferral.StateCode), nameof(CtedReferral.ThematicAreas), nameof(CtedReferral.AssessmentReference), nameof(CtedReferral.StateConsented),
            nameof(CtedReferral.SharedAt))
        .Track<ClearanceRound>("clearance-round", r => r.Id, r => r.Addressees.Select(a => AuditReaders.Partner(a.PartnerCode)),
            nameof(ClearanceRound.ProgrammeId), nameof(ClearanceRound.Status), nameof(ClearanceRound.Deadline), nameof(ClearanceRound.ClosedAt))
        .Track<Addressee>("answer", a => $"{a.RoundId}/{a.PartnerCode}", a => [AuditReaders.Partner(a.PartnerCode)],
            nameof(Addressee.RoundId), nameof(Addressee.PartnerCode), nameof(Addressee.Answer), nameof(Addressee.Comment), nameof(Addressee.OverlappingActivityId))
        .Track<DeclaredActivity>("declared-activity", a => a.Id, a => [AuditReaders.Partner(a.PartnerCode)],
            nameof(DeclaredActivity.Status), nameof(DeclaredActivity.StateCode), nameof(DeclaredActivity.ThematicArea), nameof(DeclaredActivity.Title),
            nameof(DeclaredActivity.StartDate), nameof(DeclaredActivity.EndDate))
        .Track<JointInitiative>("joint-initiative", i => i.Id, i => i.PartnerCodes.Select(AuditReaders.Partner),
            nameof(JointInitiative.ProgrammeId), nameof(JointInitiative.Title), nameof(JointInitiative.PartnerCodes))
        .Track<Partner>("partner", p => p.Code, p => [AuditReaders.Partner(p.Code)],
            nameof(Partner.Name), nameof(Partner.Kind), nameof(Partner.ThematicAreas), nameof(Partner.StateCodes), nameof(Partner.RegionalGroups))
        .Track<WebhookEndpoint>("endpoint", e => e.Id, e => [AuditReaders.Partner(e.PartnerCode)],
            nameof(WebhookEndpoint.Url), nameof(WebhookEndpoint.EventTypes), nameof(WebhookEndpoint.PreviousSecretExpiresAt), nameof(WebhookEndpoint.DisabledAt),
            nameof(WebhookEndpoint.DisabledReason));
}
