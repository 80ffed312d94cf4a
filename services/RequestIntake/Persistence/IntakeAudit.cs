using Programmes.Auditing;
using Programmes.RequestIntake.MaintainingCentralAuthorities;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.TrackingRatifications;

namespace Programmes.RequestIntake.Persistence;

/// <summary>
/// What intake's audit records: requests (status), the directory of central authorities (every field) and the
/// ratification tracker. A State reads the entries on its own objects; CTED those on requests it referred.
/// </summary>
public static class IntakeAudit
{
    public const string CentralAuthority = "central-authority";

    public static void Track(AuditRules<IntakeDb> audit) => audit
        .Track<AssistanceRequest>("request", r => r.Id, Readers,
            nameof(AssistanceRequest.Status), nameof(AssistanceRequest.DeclineReason), nameof(AssistanceRequest.OpenQuestions))
        .Track<CentralAuthority>(CentralAuthority, a => a.Id, a => [AuditReaders.State(a.StateCode)],
            nameof(MaintainingCentralAuthorities.CentralAuthority.Kind), nameof(MaintainingCentralAuthorities.CentralAuthority.Name),
            nameof(MaintainingCentralAuthorities.CentralAuthority.Address), nameof(MaintainingCentralAuthorities.CentralAuthority.Phone),
            nameof(MaintainingCentralAuthorities.CentralAuthority.Email), nameof(MaintainingCentralAuthorities.CentralAuthority.Languages),
            nameof(MaintainingCentralAuthorities.CentralAuthority.Channels), nameof(MaintainingCentralAuthorities.CentralAuthority.Notes),
            nameof(MaintainingCentralAuthorities.CentralAuthority.LastConfirmed))
        .Track<Ratification>("ratification", r => $"{r.StateCode}/{r.InstrumentCode}", r => [AuditReaders.State(r.StateCode)],
            nameof(Ratification.Status), nameof(Ratification.SignedOn), nameof(Ratification.EffectiveOn));

    private static IEnumerable<string> Readers(AssistanceRequest request) => request.ReferralId is null
        ? [AuditReaders.State(request.StateCode)]
        : [AuditReaders.State(request.StateCode), AuditReaders.Partner("CTED")];
}
