using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ProgrammePlanning.ReviewingProgramme;

public sealed record ComplianceReviewRequest(ComplianceOutcome? Outcome, string? Reviewer, [property: NotRequired] string? Notes) : ICommandRequest<ComplianceReview>
{
    /// <summary>Conditions, or the reasons for not clearing, are written in the notes.</summary>
    public bool TryValidate([NotNullWhen(true)] out ComplianceReview? review, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        var outcome = v.Present(Outcome, "outcome", "is required (Cleared, ClearedWithConditions or NotCleared).");
        var reviewer = v.Text(Reviewer, "reviewer", 200);
        v.RequiredWhen(Outcome is ComplianceOutcome.ClearedWithConditions or ComplianceOutcome.NotCleared, Notes, "notes", 4000);
        return v.Yields(new ComplianceReview(outcome, reviewer, Notes), out review, out problem);
    }
}

public sealed record ComplianceReview(ComplianceOutcome Outcome, string Reviewer, string? Notes);

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
        Guid id, ComplianceReviewRequest body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await ProgrammeChanges.ApplyAsync(db, id, body, (programme, review) => programme.CanReview()
            ? programme.RecordComplianceReview(review.Outcome, review.Reviewer, review.Notes, clock.GetUtcNow())
            : Problem.IllegalTransition("record a compliance review", programme.Status.ToString()), cancellationToken);
}
