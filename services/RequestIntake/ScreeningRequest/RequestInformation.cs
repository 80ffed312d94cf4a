using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.RequestIntake.Persistence;
using Programmes.RequestIntake.Requests;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.ScreeningRequest;

public sealed record RequestInformationBody(List<string>? Questions);

public static class RequestInformation
{
    public static async Task<Results<Ok<RequestView>, ProblemHttpResult, ValidationProblem>> Handle(
        Guid id, RequestInformationBody body, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Texts(body.Questions, "questions", 1000, 20, required: true);
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
        if (request.Status != RequestStatus.Submitted)
        {
            return Problem.IllegalTransition("request more information", request.Status.ToString());
        }

        var now = clock.GetUtcNow();
        request.Status = RequestStatus.InformationRequested;
        request.OpenQuestions = body.Questions!;
        request.UpdatedAt = now;
        db.Timeline.Add(TimelineEntry.For(request, now, "InformationRequested", $"UNODC asked {body.Questions!.Count} question(s)."));
        db.AddEvent(new AssistanceRequestInformationRequested(request.Id, request.StateCode, body.Questions!, now), request.Id);
        if (await RequestChanges.CommitAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(await RequestChanges.ViewAsync(db, request, cancellationToken));
    }
}
