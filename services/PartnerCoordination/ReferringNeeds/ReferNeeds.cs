using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;
using Programmes.PartnerCoordination.ManagingPartners;
using Programmes.PartnerCoordination.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.PartnerCoordination.ReferringNeeds;

public sealed record ReferNeeds(string? StateCode, List<string>? ThematicAreas, [property: NotRequired] List<string>? Instruments, string? Recommendation,
    string? AssessmentReference, DateOnly? AssessmentDate, bool? StateConsented) : ICtedReferralBody;

public sealed record ReferralView(Guid Id, string StateCode, IReadOnlyList<string> ThematicAreas, IReadOnlyList<string> Instruments,
    string Recommendation, string AssessmentReference, DateOnly AssessmentDate, bool StateConsented, DateTimeOffset ReceivedAt, DateTimeOffset? SharedAt)
{
    public static ReferralView From(CtedReferral r) => new(r.Id, r.StateCode, r.ThematicAreas, r.Instruments, r.Recommendation,
        r.AssessmentReference, r.AssessmentDate, r.StateConsented, r.ReceivedAt, r.SharedAt);
}

public static class ReferringNeedsEndpoints
{
    public static IEndpointRouteBuilder MapReferringNeeds(this IEndpointRouteBuilder app)
    {
        var referrals = app.MapGroup("/api/coordination/referrals").WithTags("CTED referrals");
        referrals.MapPost("", Refer).RequireRoles(Roles.Partner).Idempotent(required: false);
        // CTED is the only referrer, so every referral is its own: it reads them back; other partners may not.
        referrals.MapGet("", List).RequireRoles(Roles.Staff, Roles.Partner);
        referrals.MapGet("/{id:guid}", Get).RequireRoles(Roles.Staff, Roles.Partner);
        return app;
    }

    private static async Task<Results<Created<ReferralView>, ValidationProblem, ProblemHttpResult>> Refer(
        ReferNeeds body, ClaimsPrincipal user, CoordinationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.GetCaller().Is(Roles.Partner, Partner.Cted))
        {
            return TypedResults.Problem(title: "Only CTED refers needs identified in its assessments.",
                statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden);
        }
        var now = clock.GetUtcNow();
        if (!CtedReferralTerms.TryRead(body, DateOnly.FromDateTime(now.UtcDateTime), maxReference: 200, maxInstruments: 50, out var terms, out var invalid))
        {
            return invalid;
        }

        var shared = ReferralConsent.ReachesState(terms.StateConsented);
        var referral = new CtedReferral
        {
            Id = Guid.CreateVersion7(now),
            StateCode = terms.StateCode,
            ThematicAreas = terms.ThematicAreas,
            Instruments = terms.Instruments,
            Recommendation = terms.Recommendation,
            AssessmentReference = terms.AssessmentReference,
            AssessmentDate = terms.AssessmentDate,
            StateConsented = terms.StateConsented,
            ReceivedAt = now,
            SharedAt = shared ? now : null,
        };
        Telemetry.Tag(Telemetry.Attributes.StateCode, referral.StateCode);
        db.Referrals.Add(referral);
        if (shared)
        {
            db.AddEvent(new CtedReferralShared(referral.Id, referral.StateCode, referral.ThematicAreas, referral.Instruments,
                referral.Recommendation, referral.AssessmentReference, referral.AssessmentDate, now), referral.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/coordination/referrals/{referral.Id}", ReferralView.From(referral));
    }

    private static async Task<Results<Ok<ListPage<ReferralView>>, ValidationProblem, ProblemHttpResult>> List(
        ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken, string? stateCode = null, string? page = null, string? pageSize = null)
    {
        if (!MayRead(user))
        {
            return NotTheReferrer();
        }
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var query = db.Referrals.AsNoTracking();
        if (stateCode is not null)
        {
            query = query.Where(r => r.StateCode == stateCode);
        }
        var referrals = await query.OrderByDescending(r => r.ReceivedAt).ThenBy(r => r.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(referrals.Select(ReferralView.From));
    }

    private static async Task<Results<Ok<ReferralView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken)
    {
        if (!MayRead(user))
        {
            return NotTheReferrer();
        }
        var referral = await db.Referrals.FindAsync([id], cancellationToken);
        return referral is null ? Problem.NotFound("The referral") : TypedResults.Ok(ReferralView.From(referral));
    }

    private static bool MayRead(ClaimsPrincipal user) => user.GetCaller() is var caller && (caller.Role == Roles.Staff || caller.Is(Roles.Partner, Partner.Cted));

    private static ProblemHttpResult NotTheReferrer() => TypedResults.Problem(title: "Only staff and CTED, the referrer, read referrals.",
        statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden);
}
