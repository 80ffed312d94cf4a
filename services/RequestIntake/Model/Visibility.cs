using Microsoft.EntityFrameworkCore;
using Programmes.Contracts;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.Model;

/// <summary>
/// Who sees which request: staff see all, a State only its own (not a CTED referral made without its consent:
/// <see cref="ReferralConsent"/>), CTED the requests that began as its referrals, other partners none. A request
/// the caller may not see does not exist for it (404).
/// </summary>
public static class Visibility
{
    public const string CtedPartyCode = "CTED";

    public static IQueryable<AssistanceRequest> VisibleTo(this IQueryable<AssistanceRequest> requests, Caller caller) => caller switch
    {
        { IsStaff: true } => requests,
        { IsState: true } => requests.Where(r => r.StateCode == caller.Party && r.StateConsented),
        { IsPartner: true, Party: CtedPartyCode } => requests.Where(r => r.Origin == RequestOrigin.CtedReferral),
        _ => requests.Where(_ => false),
    };

    public static Task<AssistanceRequest?> FindVisibleAsync(this IntakeDb db, Guid id, Caller caller, CancellationToken cancellationToken) =>
        db.Requests.VisibleTo(caller).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
}
