using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ProgrammePlanning.ChangingProgrammeStatus;

public sealed record StatusChangeRequest(StatusAction? Action, [property: NotRequired] string? Reason) : ICommandRequest<StatusChange>
{
    /// <summary>A reason is required when suspending or cancelling, so the States concerned learn why.</summary>
    public bool TryValidate([NotNullWhen(true)] out StatusChange? change, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        var action = v.Present(Action, "action", "is required (StartDelivery, Complete, Suspend, Resume or Cancel).");
        v.RequiredWhen(Action is StatusAction.Suspend or StatusAction.Cancel, Reason, "reason", 1000);
        return v.Yields(new StatusChange(action, Reason), out change, out problem);
    }
}

public sealed record StatusChange(StatusAction Action, string? Reason);

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
        Guid id, StatusChangeRequest body, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await ProgrammeChanges.ApplyAsync(db, id, body, (programme, change) =>
            programme.Apply(change.Action, change.Reason, clock.GetUtcNow()) is { } events
                ? events
                : Problem.IllegalTransition(change.Action.ToString(), programme.Status.ToString()), cancellationToken);
}
