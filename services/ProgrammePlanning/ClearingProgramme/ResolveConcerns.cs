using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.ClearingProgramme;

[Description("How staff resolve the concerns a clearance round raised.")]
public enum ConcernDecision
{
    /// <summary>Staff judged the concerns answered: the programme counts as cleared.</summary>
    [Description("The concerns are answered: the programme counts as cleared.")]
    Accept,

    /// <summary>Staff changed the programme and send it to the partners for a new clearance round.</summary>
    [Description("The programme was changed: a new clearance round opens with the partners.")]
    Resubmit,
}

public sealed record ConcernResolutionRequest(ConcernDecision? Decision, string? Note) : ICommandRequest<ConcernResolution>
{
    public bool TryValidate([NotNullWhen(true)] out ConcernResolution? resolution, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        var decision = v.Present(Decision, "decision", "is required (Accept or Resubmit).");
        var note = v.Text(Note, "note", 1000);
        return v.Yields(new ConcernResolution(decision, note), out resolution, out problem);
    }
}

public sealed record ConcernResolution(ConcernDecision Decision, string Note);

/// <summary>What staff do when a clearance round raised concerns; until then the programme cannot be approved.</summary>
public static class ResolveConcernsEndpoint
{
    public static IEndpointRouteBuilder MapResolvingConcerns(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/planning/programmes/{id:guid}/clearance-concerns/resolution", Handle).RequireRoles(Roles.Staff).WithTags("Programmes");
        return app;
    }

    private static async Task<Results<Ok<ProgrammeView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ConcernResolutionRequest body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await ProgrammeChanges.ApplyAsync(db, id, body, (programme, resolution) =>
        {
            if (programme.Status != ProgrammeStatus.Proposed || !programme.ConcernsOpen)
            {
                return Problem.IllegalTransition("resolve clearance concerns", programme.ConcernsOpen ? programme.Status.ToString() : $"{programme.Status} (no open concerns)");
            }
            var now = clock.GetUtcNow();
            programme.StatusReason = resolution.Note;
            programme.UpdatedAt = now;
            return resolution.Decision == ConcernDecision.Accept ? programme.AcceptDespiteConcerns(now) : programme.Resubmit(now);
        }, cancellationToken);
}
