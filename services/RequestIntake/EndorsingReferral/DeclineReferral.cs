using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.RequestIntake.EndorsingReferral;

public sealed record DeclineReferralBody([property: NotRequired] string? Comment);

/// <summary>The State declines a CTED referral: it closes, and nothing is planned.</summary>
public static class DeclineReferral
{
    public static async Task<Results<Ok<RequestView>, ProblemHttpResult, ValidationProblem>> Handle(
        Guid id, DeclineReferralBody body, ClaimsPrincipal user, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Optional(body.Comment, "comment", 2000);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }

        return await RequestChanges.ApplyAsync(db, await db.FindVisibleAsync(id, user.GetCaller(), cancellationToken), RequestAction.DeclineReferral,
            request => request.DeclineReferral(body.Comment, clock.GetUtcNow()), cancellationToken);
    }
}
