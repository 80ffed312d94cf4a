using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.RequestIntake.Persistence;
using Programmes.RequestIntake.Requests;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.ScreeningRequest;

public static class AcceptRequest
{
    public static async Task<Results<Ok<RequestView>, ProblemHttpResult>> Handle(
        Guid id, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = await db.Requests.FindAsync([id], cancellationToken);
        if (request is null)
        {
            return Problem.NotFound("The request");
        }
        Telemetry.Tag(Telemetry.Attributes.RequestId, id);
        if (request.Status != RequestStatus.Submitted)
        {
            return Problem.IllegalTransition("accept the request", request.Status.ToString());
        }

        var now = clock.GetUtcNow();
        request.Status = RequestStatus.Accepted;
        request.UpdatedAt = now;
        db.Timeline.Add(TimelineEntry.For(request, now, "Accepted", "Accepted by UNODC; a programme will be planned."));
        db.AddEvent(new AssistanceRequestAccepted(request.Id, request.StateCode, request.ThematicAreas, request.Instruments, now), request.Id);
        if (await RequestChanges.CommitAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(await RequestChanges.ViewAsync(db, request, cancellationToken));
    }
}
