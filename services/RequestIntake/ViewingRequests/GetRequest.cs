using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.ViewingRequests;

public static class GetRequest
{
    public static async Task<Results<Ok<RequestView>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, IntakeDb db, CancellationToken cancellationToken)
    {
        var visible = await db.ReadVisibleAsync(id, user.GetCaller(), cancellationToken);
        if (visible is null)
        {
            return Problem.NotFound("The request");
        }
        Telemetry.Tag(Telemetry.Attributes.RequestId, id);
        return TypedResults.Ok(visible.View());
    }
}
