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

    /// <summary>
    /// The request by id if the caller may see it, read without tracking: the same rules as <see cref="VisibleTo"/>,
    /// written out once per rule as compiled queries because this read runs on every GET by id. Composing and
    /// parameterising the LINQ expression on each call was a quarter of that request's allocations
    /// (docs/performance.md); a compiled query skips it and goes straight to the cached SQL.
    /// </summary>
    public static Task<AssistanceRequest?> ReadVisibleAsync(this IntakeDb db, Guid id, Caller caller, CancellationToken cancellationToken) => caller switch
    {
        { IsStaff: true } => ReadAny(db, id, cancellationToken),
        { IsState: true } => ReadOfState(db, id, caller.Party, cancellationToken),
        { IsPartner: true, Party: CtedPartyCode } => ReadCtedReferral(db, id, cancellationToken),
        _ => Task.FromResult<AssistanceRequest?>(null),
    };

    private static readonly Func<IntakeDb, Guid, CancellationToken, Task<AssistanceRequest?>> ReadAny = EF.CompileAsyncQuery(
        (IntakeDb db, Guid id, CancellationToken _) => db.Requests.AsNoTracking().FirstOrDefault(r => r.Id == id));

    private static readonly Func<IntakeDb, Guid, string, CancellationToken, Task<AssistanceRequest?>> ReadOfState = EF.CompileAsyncQuery(
        (IntakeDb db, Guid id, string state, CancellationToken _) =>
            db.Requests.AsNoTracking().FirstOrDefault(r => r.Id == id && r.StateCode == state && r.StateConsented));

    private static readonly Func<IntakeDb, Guid, CancellationToken, Task<AssistanceRequest?>> ReadCtedReferral = EF.CompileAsyncQuery(
        (IntakeDb db, Guid id, CancellationToken _) => db.Requests.AsNoTracking().FirstOrDefault(r => r.Id == id && r.Origin == RequestOrigin.CtedReferral));

    public static Task<AssistanceRequest?> FindVisibleAsync(this IntakeDb db, Guid id, Caller caller, CancellationToken cancellationToken) =>
        db.Requests.VisibleTo(caller).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
}
