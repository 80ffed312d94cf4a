using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ProgrammePlanning.ChangingProgrammeStatus;

public sealed record StatusChangeRequest(StatusAction? Action, [property: NotRequired] string? Reason);

/// <summary>
/// The steps staff take by hand: start delivery of an approved programme, complete it, suspend or cancel
/// it (with a reason), resume a suspended one. Each step publishes <c>ProgrammeStatusChanged</c>.
/// </summary>
public static class ChangeProgrammeStatusEndpoint
{
    public static IEndpointRouteBuilder MapChangingProgrammeStatus(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/planning/programmes/{id:guid}/status-changes", Handle).RequireRoles(Roles.Staff).WithTags("Programmes");
        return app;
    }

    private static async Task<Results<Ok<ProgrammeView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, StatusChangeRequest body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new Validation();
        v.Check(body.Action is not null, "action", "is required (StartDelivery, Complete, Suspend, Resume or Cancel).");
        if (body.Action is StatusAction.Suspend or StatusAction.Cancel)
        {
            v.Required(body.Reason, "reason", 1000);
        }
        else
        {
            v.Optional(body.Reason, "reason", 1000);
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
        var events = programme.Apply(body.Action!.Value, body.Reason, clock.GetUtcNow());
        if (events is null)
        {
            return Problem.IllegalTransition(body.Action.Value.ToString(), programme.Status.ToString());
        }
        db.AddEvents(events, programme.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ProgrammeView.Of(programme));
    }
}
