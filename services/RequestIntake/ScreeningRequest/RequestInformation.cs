using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;
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
        if (!validation.Yields(body.Questions ?? [], out var questions, out var invalid))
        {
            return invalid;
        }

        return await RequestChanges.ApplyAsync(db, await db.Requests.FindAsync([id], cancellationToken), RequestAction.RequestInformation,
            request => request.RequestInformation(questions, clock.GetUtcNow()), cancellationToken);
    }
}
