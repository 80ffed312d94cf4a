using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.RequestIntake.Persistence;
using Programmes.RequestIntake.Requests;
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
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var request = await db.FindVisibleAsync(id, user.GetCaller(), cancellationToken);
        if (request is null)
        {
            return Problem.NotFound("The request");
        }
        Telemetry.Tag(Telemetry.Attributes.RequestId, id);
        if (request.Status != RequestStatus.AwaitingStateEndorsement)
        {
            return Problem.IllegalTransition("decline the referral", request.Status.ToString());
        }

        var now = clock.GetUtcNow();
        request.Status = RequestStatus.DeclinedByState;
        request.DeclineText = body.Comment;
        request.UpdatedAt = now;
        db.Timeline.Add(TimelineEntry.For(request, now, "DeclinedByState", "The State declined CTED's referral."));
        db.AddEvent(new CtedReferralDeclinedByState(request.Id, request.ReferralId!.Value, request.StateCode, now), request.Id);
        if (await RequestChanges.CommitAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(await RequestChanges.ViewAsync(db, request, cancellationToken));
    }
}
