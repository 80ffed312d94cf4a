using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.ClearingProgramme;

public enum ConcernDecision
{
    /// <summary>Staff judged the concerns answered: the programme counts as cleared.</summary>
    Accept,

    /// <summary>Staff changed the programme and send it to the partners for a new clearance round.</summary>
    Resubmit,
}

public sealed record ConcernResolutionRequest(ConcernDecision? Decision, string? Note);

/// <summary>What staff do when a clearance round raised concerns; until then the programme cannot be approved.</summary>
public static class ResolveConcernsEndpoint
{
    public static IEndpointRouteBuilder MapResolvingConcerns(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/planning/programmes/{id:guid}/clearance-concerns/resolution", Handle).RequireRoles(Roles.Staff).WithTags("Programmes");
        return app;
    }

    private static async Task<Results<Ok<ProgrammeView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ConcernResolutionRequest body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new Validation();
        v.Check(body.Decision is not null, "decision", "is required (Accept or Resubmit).");
        v.Required(body.Note, "note", 1000);
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
        if (programme.Status != ProgrammeStatus.Proposed || !programme.ConcernsOpen)
        {
            return Problem.IllegalTransition("resolve clearance concerns", programme.ConcernsOpen ? programme.Status.ToString() : $"{programme.Status} (no open concerns)");
        }
        var now = clock.GetUtcNow();
        programme.StatusReason = body.Note;
        programme.UpdatedAt = now;
        db.AddEvents(body.Decision == ConcernDecision.Accept ? programme.AcceptDespiteConcerns(now) : programme.Resubmit(now), programme.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ProgrammeView.Of(programme));
    }
}
