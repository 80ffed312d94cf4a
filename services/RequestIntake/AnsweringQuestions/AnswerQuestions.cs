using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;
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
        if (!validation.Yields(validation.Text(body.Answer, "answer", 8000), out var answer, out var invalid))
        {
            return invalid;
        }

        return await RequestChanges.ApplyAsync(db, await db.FindVisibleAsync(id, user.GetCaller(), cancellationToken), RequestAction.AnswerQuestions,
            request => request.AnswerQuestions(answer, clock.GetUtcNow()), cancellationToken);
    }
}
