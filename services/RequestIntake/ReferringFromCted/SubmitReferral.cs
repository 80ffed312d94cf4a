using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.ReferenceData;
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
    bool? StateConsented);

/// <summary>
/// CTED's own client may refer needs directly; any other partner is refused. The same consent rule as
/// coordination's route (<see cref="ReferralConsent"/>): without the State's consent the request is held for staff.
/// </summary>
public static class SubmittingReferralEndpoint
{
    public static IEndpointRouteBuilder MapSubmittingReferral(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/intake/referrals", Handle).RequireRoles(Roles.Partner).WithTags("Referrals");
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
        var validation = new Validation();
        validation.MemberState(body.StateCode, "stateCode");
        validation.Codes(body.ThematicAreas, "thematicAreas", Reference.IsThematicArea, "thematic area");
        validation.Codes(body.Instruments, "instruments", Reference.IsInstrument, "instrument", allowEmpty: true, max: 19);
        validation.Required(body.Recommendation, "recommendation", 8000);
        validation.Required(body.AssessmentReference, "assessmentReference", 100);
        if (validation.Check(body.AssessmentDate is not null, "assessmentDate", "is required."))
        {
            validation.Check(body.AssessmentDate <= DateOnly.FromDateTime(now.UtcDateTime), "assessmentDate", "must not be in the future.");
        }
        var consented = validation.StateConsented(body.StateConsented);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }

        var request = Referral.Receive(db, Guid.CreateVersion7(now), body.StateCode!, body.ThematicAreas!, body.Instruments ?? [],
            body.Recommendation!, body.AssessmentReference!, body.AssessmentDate!.Value, now, consented);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/intake/requests/{request.Id}", await RequestChanges.ViewAsync(db, request, cancellationToken));
    }
}
