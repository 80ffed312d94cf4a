using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.RequestIntake.Persistence;
using Programmes.RequestIntake.Requests;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.RequestIntake.ScreeningRequest;

public sealed record DeclineRequestBody(string? Reason, [property: NotRequired] string? Text);

public static class DeclineRequest
{
    public static async Task<Results<Ok<RequestView>, ProblemHttpResult, ValidationProblem>> Handle(
        Guid id, DeclineRequestBody body, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        DeclineReason reason = default;
        if (validation.Required(body.Reason, "reason", 40))
        {
            validation.Check(Enum.TryParse(body.Reason, ignoreCase: false, out reason) && Enum.IsDefined(reason), "reason",
                $"must be one of {string.Join(", ", Enum.GetNames<DeclineReason>())}.");
        }
        if (reason == DeclineReason.Other)
        {
            validation.Required(body.Text, "text", 2000);
        }
        else
        {
            validation.Optional(body.Text, "text", 2000);
        }
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var request = await db.Requests.FindAsync([id], cancellationToken);
        if (request is null)
        {
            return Problem.NotFound("The request");
        }
        Telemetry.Tag(Telemetry.Attributes.RequestId, id);
        if (request.Status is not (RequestStatus.Submitted or RequestStatus.InformationRequested))
        {
            return Problem.IllegalTransition("decline the request", request.Status.ToString());
        }

        var now = clock.GetUtcNow();
        request.Status = RequestStatus.Declined;
        request.DeclineReason = reason;
        request.DeclineText = body.Text;
        request.OpenQuestions = [];
        request.UpdatedAt = now;
        db.Timeline.Add(TimelineEntry.For(request, now, "Declined", $"Declined: {reason}{(body.Text is null ? "" : $" ({body.Text})")}."));
        db.AddEvent(new AssistanceRequestDeclined(request.Id, request.StateCode, reason.ToString(), body.Text, now), request.Id);
        if (await RequestChanges.CommitAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(await RequestChanges.ViewAsync(db, request, cancellationToken));
    }
}
