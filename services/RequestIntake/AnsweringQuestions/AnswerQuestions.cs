using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.RequestIntake.Persistence;
using Programmes.RequestIntake.Requests;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.AnsweringQuestions;

public sealed record AnswerQuestionsBody(string? Answer);

/// <summary>The State answers staff's questions; the request returns to screening.</summary>
public static class AnsweringQuestionsEndpoint
{
    public static IEndpointRouteBuilder MapAnsweringQuestions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/intake/requests/{id:guid}/answers", Handle).RequireRoles(Roles.State).WithTags("Requests");
        return app;
    }

    private static async Task<Results<Ok<RequestView>, ProblemHttpResult, ValidationProblem>> Handle(
        Guid id, AnswerQuestionsBody body, ClaimsPrincipal user, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Required(body.Answer, "answer", 8000);
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
        if (request.Status != RequestStatus.InformationRequested)
        {
            return Problem.IllegalTransition("answer questions", request.Status.ToString());
        }

        var now = clock.GetUtcNow();
        request.Status = RequestStatus.Submitted;
        request.LastAnswer = body.Answer;
        request.OpenQuestions = [];
        request.UpdatedAt = now;
        db.Timeline.Add(TimelineEntry.For(request, now, "InformationProvided", "The State answered; the request is back in screening."));
        db.AddEvent(new AssistanceRequestInformationProvided(request.Id, request.StateCode, now), request.Id);
        if (await RequestChanges.CommitAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(await RequestChanges.ViewAsync(db, request, cancellationToken));
    }
}
