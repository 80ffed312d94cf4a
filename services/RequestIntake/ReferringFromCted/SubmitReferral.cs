using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Messaging.Idempotency;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.RequestIntake.ReferringFromCted;

public sealed record SubmitReferralBody(
    string? StateCode,
    List<string>? ThematicAreas,
    [property: NotRequired] List<string>? Instruments,
    string? Recommendation,
    string? AssessmentReference,
    DateOnly? AssessmentDate,
    bool? StateConsented) : ICtedReferralBody;

/// <summary>
/// CTED's own client may refer needs directly; any other partner is refused. The same consent rule as
/// coordination's route (<see cref="ReferralConsent"/>): without the State's consent the request is held for staff.
/// </summary>
public static class SubmittingReferralEndpoint
{
    public static IEndpointRouteBuilder MapSubmittingReferral(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/intake/referrals", Handle).RequireRoles(Roles.Partner).Idempotent(required: false).WithTags("Referrals");
        return app;
    }

    private static async Task<Results<Created<RequestView>, ValidationProblem, ProblemHttpResult>> Handle(
        SubmitReferralBody body, ClaimsPrincipal user, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (user.GetCaller().Party != Visibility.CtedPartyCode)
        {
            return TypedResults.Problem(title: "Only CTED refers needs to intake.", statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.Forbidden);
        }
        var now = clock.GetUtcNow();
        if (!CtedReferralTerms.TryRead(body, DateOnly.FromDateTime(now.UtcDateTime), maxReference: 100, maxInstruments: 19, out var terms, out var invalid))
        {
            return invalid;
        }

        var request = Referral.Receive(db, Guid.CreateVersion7(now), terms.StateCode, terms.ThematicAreas, terms.Instruments,
            terms.Recommendation, terms.AssessmentReference, terms.AssessmentDate, now, terms.StateConsented);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/intake/requests/{request.Id}", await RequestChanges.ViewAsync(db, request, cancellationToken));
    }
}
