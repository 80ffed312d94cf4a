using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ProgrammePlanning.ReviewingProgramme;

public sealed record ComplianceReviewRequest(ComplianceOutcome? Outcome, string? Reviewer, [property: NotRequired] string? Notes);

/// <summary>
/// The human-rights compliance review every programme passes before approval (operative paragraph 6).
/// Cleared, or cleared with conditions (stated in the notes), is one of the three approval facts.
/// </summary>
public static class RecordComplianceReviewEndpoint
{
    public static IEndpointRouteBuilder MapRecordingComplianceReview(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/planning/programmes/{id:guid}/compliance-review", Handle).RequireRoles(Roles.Staff).WithTags("Reviews");
        return app;
    }

    private static async Task<Results<Ok<ProgrammeView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ComplianceReviewRequest body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new Validation();
        v.Check(body.Outcome is not null, "outcome", "is required (Cleared, ClearedWithConditions or NotCleared).");
        v.Required(body.Reviewer, "reviewer", 200);
        if (body.Outcome is ComplianceOutcome.ClearedWithConditions or ComplianceOutcome.NotCleared)
        {
            v.Required(body.Notes, "notes", 4000);
        }
        else
        {
            v.Optional(body.Notes, "notes", 4000);
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
            return Problem.IllegalTransition("record a compliance review", programme.Status.ToString());
        }
        db.AddEvents(programme.RecordComplianceReview(body.Outcome!.Value, body.Reviewer!, body.Notes, clock.GetUtcNow()), programme.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ProgrammeView.Of(programme));
    }
}
