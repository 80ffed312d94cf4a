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
    /// The request by id with its timeline, if the caller may see it, read without tracking in one query: the same
    /// rules as <see cref="VisibleTo"/>, written out once per rule as compiled queries because this read runs on every
    /// GET by id. Composing and parameterising the LINQ expression on each call was a quarter of that request's
    /// allocations, and reading the timeline separately cost a second command and round trip (docs/performance.md).
    /// </summary>
    public static Task<VisibleRequest?> ReadVisibleAsync(this IntakeDb db, Guid id, Caller caller, CancellationToken cancellationToken) => caller switch
    {
        { IsStaff: true } => ReadAny(db, id, cancellationToken),
        { IsState: true } => ReadOfState(db, id, caller.Party, cancellationToken),
        { IsPartner: true, Party: CtedPartyCode } => ReadCtedReferral(db, id, cancellationToken),
        _ => Task.FromResult<VisibleRequest?>(null),
    };

    private static readonly Func<IntakeDb, Guid, CancellationToken, Task<VisibleRequest?>> ReadAny = EF.CompileAsyncQuery(
        (IntakeDb db, Guid id, CancellationToken _) => db.Requests.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new VisibleRequest(r, db.Timeline.Where(e => e.RequestId == r.Id).ToList()))
            .FirstOrDefault());

    private static readonly Func<IntakeDb, Guid, string, CancellationToken, Task<VisibleRequest?>> ReadOfState = EF.CompileAsyncQuery(
        (IntakeDb db, Guid id, string state, CancellationToken _) => db.Requests.AsNoTracking()
            .Where(r => r.Id == id && r.StateCode == state && r.StateConsented)
            .Select(r => new VisibleRequest(r, db.Timeline.Where(e => e.RequestId == r.Id).ToList()))
            .FirstOrDefault());

    private static readonly Func<IntakeDb, Guid, CancellationToken, Task<VisibleRequest?>> ReadCtedReferral = EF.CompileAsyncQuery(
        (IntakeDb db, Guid id, CancellationToken _) => db.Requests.AsNoTracking()
            .Where(r => r.Id == id && r.Origin == RequestOrigin.CtedReferral)
            .Select(r => new VisibleRequest(r, db.Timeline.Where(e => e.RequestId == r.Id).ToList()))
            .FirstOrDefault());

    public static Task<AssistanceRequest?> FindVisibleAsync(this IntakeDb db, Guid id, Caller caller, CancellationToken cancellationToken) =>
        db.Requests.VisibleTo(caller).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
}

/// <summary>A request the caller may see, with its timeline.</summary>
public sealed record VisibleRequest(AssistanceRequest Request, List<TimelineEntry> Timeline)
{
    public RequestView View() => RequestView.From(Request, Timeline);
}
