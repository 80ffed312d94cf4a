using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;

namespace Programmes.RequestIntake.ScreeningRequest;

public static class AcceptRequest
{
    public static async Task<Results<Ok<RequestView>, ProblemHttpResult>> Handle(
        Guid id, IntakeDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await RequestChanges.ApplyAsync(db, await db.Requests.FindAsync([id], cancellationToken), RequestAction.Accept,
            request => request.Accept(clock.GetUtcNow()), cancellationToken);
}
