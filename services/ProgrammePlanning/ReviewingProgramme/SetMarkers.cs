using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ProgrammePlanning.ReviewingProgramme;

public sealed record MarkersRequest(int? GenderMarker, bool? ChildrenConcerned, [property: NotRequired] string? ChildSafeguards);

/// <summary>
/// The gender marker (0-3, operative paragraph 15) and the child-rights flag (operative paragraph 14):
/// when children are concerned, the safeguards are written down. Both are needed before proposing.
/// </summary>
public static class SetMarkersEndpoint
{
    public static IEndpointRouteBuilder MapSettingMarkers(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/planning/programmes/{id:guid}/markers", Handle).RequireRoles(Roles.Staff).WithTags("Reviews");
        return app;
    }

    private static async Task<Results<Ok<ProgrammeView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, MarkersRequest body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new Validation();
        v.Check(body.GenderMarker is >= 0 and <= 3, "genderMarker", "is required, from 0 (no contribution to gender equality) to 3 (its principal objective).");
        v.Check(body.ChildrenConcerned is not null, "childrenConcerned", "is required.");
        if (body.ChildrenConcerned == true)
        {
            v.Required(body.ChildSafeguards, "childSafeguards", 4000);
        }
        else
        {
            v.Optional(body.ChildSafeguards, "childSafeguards", 4000);
        }
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var programme = await db.LockProgrammeAsync(id, cancellationToken);
        if (programme is null)
        {
            return Problem.NotFound("The programme");
        }
        if (!programme.CanReview())
        {
            return Problem.IllegalTransition("set the gender marker and child-rights flag", programme.Status.ToString());
        }
        programme.GenderMarker = body.GenderMarker;
        programme.ChildrenConcerned = body.ChildrenConcerned;
        programme.ChildSafeguards = body.ChildSafeguards;
        programme.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ProgrammeView.Of(programme));
    }
}
