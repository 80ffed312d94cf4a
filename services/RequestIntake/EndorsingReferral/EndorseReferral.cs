using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.RequestIntake.Persistence;
using Programmes.RequestIntake.Requests;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.RequestIntake.EndorsingReferral;

public sealed record EndorseReferralBody(string? RequestingAuthority, [property: NotRequired] string? ContactPerson, [property: NotRequired] string? ContactEmail, [property: NotRequired] string? ContactPhone);

/// <summary>The State makes a CTED referral its own request; it then goes to screening like any other.</summary>
public static class EndorseReferral
{
    public static async Task<Results<Ok<RequestView>, ProblemHttpResult, ValidationProblem>> Handle(
        Guid id, EndorseReferralBody body, ClaimsPrincipal user, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Required(body.RequestingAuthority, "requestingAuthority", 200);
        validation.Optional(body.ContactPerson, "contactPerson", 200);
        validation.Email(body.ContactEmail, "contactEmail");
        validation.Phone(body.ContactPhone, "contactPhone");
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
            return Problem.IllegalTransition("endorse the referral", request.Status.ToString());
        }

        var now = clock.GetUtcNow();
        request.RequestingAuthority = body.RequestingAuthority!.Trim();
        request.ContactPerson = body.ContactPerson;
        request.ContactEmail = body.ContactEmail;
        request.ContactPhone = body.ContactPhone;
        db.Timeline.Add(TimelineEntry.For(request, now, "Endorsed", "The State endorsed CTED's referral as its own request."));
        db.AddEvent(new CtedReferralEndorsed(request.Id, request.ReferralId!.Value, request.StateCode, now), request.Id);
        await Screening.FlagPossibleDuplicatesAsync(db, request, cancellationToken);
        Screening.Enter(db, request, now);
        if (await RequestChanges.CommitAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        IntakeMetrics.RecordSubmitted(request);
        return TypedResults.Ok(await RequestChanges.ViewAsync(db, request, cancellationToken));
    }
}
