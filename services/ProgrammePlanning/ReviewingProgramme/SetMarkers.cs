using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ProgrammePlanning.ReviewingProgramme;

public sealed record MarkersRequest(int? GenderMarker, bool? ChildrenConcerned, [property: NotRequired] string? ChildSafeguards) : ICommandRequest<Markers>
{
    /// <summary>When children are concerned, the safeguards are required.</summary>
    public bool TryValidate([NotNullWhen(true)] out Markers? markers, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        var genderMarker = v.Present(GenderMarker is >= 0 and <= 3 ? GenderMarker : null, "genderMarker", "is required, from 0 (no contribution to gender equality) to 3 (its principal objective).");
        var childrenConcerned = v.Present(ChildrenConcerned, "childrenConcerned");
        v.RequiredWhen(ChildrenConcerned == true, ChildSafeguards, "childSafeguards", 4000);
        return v.Yields(new Markers(genderMarker, childrenConcerned, ChildSafeguards), out markers, out problem);
    }
}

public sealed record Markers(int GenderMarker, bool ChildrenConcerned, string? ChildSafeguards);

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
        Guid id, MarkersRequest body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await ProgrammeChanges.ApplyAsync(db, id, body, (programme, markers) =>
        {
            if (!programme.CanReview())
            {
                return Problem.IllegalTransition("set the gender marker and child-rights flag", programme.Status.ToString());
            }
            programme.GenderMarker = markers.GenderMarker;
            programme.ChildrenConcerned = markers.ChildrenConcerned;
            programme.ChildSafeguards = markers.ChildSafeguards;
            programme.UpdatedAt = clock.GetUtcNow();
            return ProgrammeStep.Done;
        }, cancellationToken);
}
