using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Messaging.Idempotency;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.PlanningActivities;

/// <summary>
/// Staff add an activity to a programme or change one. The programme's budget is the sum of its
/// activities: once proposed, a changed budget goes to funding again, and an approved programme waits
/// for funding anew.
/// </summary>
public static class PlanActivityEndpoints
{
    public static IEndpointRouteBuilder MapPlanningActivities(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/planning/programmes/{id:guid}/activities", Add).RequireRoles(Roles.Staff).Idempotent(required: false).WithTags("Programmes");
        app.MapPut("/api/planning/programmes/{id:guid}/activities/{activityId:guid}", Change).RequireRoles(Roles.Staff).WithTags("Programmes");
        return app;
    }

    private static Task<Results<Ok<ProgrammeView>, ValidationProblem, ProblemHttpResult>> Add(
        Guid id, ActivityInput body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        PlanAsync(id, null, body, db, clock, cancellationToken);

    private static Task<Results<Ok<ProgrammeView>, ValidationProblem, ProblemHttpResult>> Change(
        Guid id, Guid activityId, ActivityInput body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        PlanAsync(id, activityId, body, db, clock, cancellationToken);

    private static async Task<Results<Ok<ProgrammeView>, ValidationProblem, ProblemHttpResult>> PlanAsync(
        Guid id, Guid? activityId, ActivityInput body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await ProgrammeChanges.ApplyAsync(db, id, programme =>
        {
            var activity = activityId is null ? null : programme.Activities.SingleOrDefault(a => a.Id == activityId);
            if (activityId is not null && activity is null)
            {
                return Problem.NotFound("The activity");
            }
            if (!programme.CanEditPlan())
            {
                return Problem.IllegalTransition(activityId is null ? "add an activity" : "change an activity", programme.Status.ToString());
            }
            if (activity is { IsDelivered: true })
            {
                return Problem.Conflict("The activity has been delivered; its plan can no longer change.");
            }
            // The activity is checked against the programme's States and areas, so only once it is loaded.
            var v = new Validation();
            if (!v.Yields(body.Validate(v, "", programme.StateCodes, programme.ThematicAreas), out var plan, out var problem))
            {
                return problem;
            }
            if (activity is null)
            {
                var added = plan.ToActivity(programme.Id);
                programme.Activities.Add(added);
                db.Activities.Add(added);
            }
            else
            {
                plan.ApplyTo(activity);
            }
            return programme.PlanChanged(clock.GetUtcNow());
        }, cancellationToken);
}
