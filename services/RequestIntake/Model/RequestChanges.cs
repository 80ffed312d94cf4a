using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Messaging;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.Model;

/// <summary>
/// The one way a command changes a request: 404 when the caller cannot see it, 409 when the lifecycle
/// refuses the step, else the step's state, timeline and events committed in one transaction, read back.
/// </summary>
public static class RequestChanges
{
    public static async Task<RequestOutcome> ApplyAsync(
        IntakeDb db, AssistanceRequest? request, RequestAction action, Func<AssistanceRequest, RequestChange?> step, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return new(Problem.NotFound("The request"));
        }
        Telemetry.Tag(Telemetry.Attributes.RequestId, request.Id);
        var status = request.Status;
        if (step(request) is not { } change)
        {
            return new(Problem.IllegalTransition(action.Describe(), status.ToString()));
        }
        db.Record(request, change);
        if (await CommitAsync(db, cancellationToken) is { } conflict)
        {
            return new(conflict);
        }
        return new(await ViewAsync(db, request, cancellationToken));
    }

    /// <summary>Adds a step's timeline entries and events to the unit of work.</summary>
    public static void Record(this IntakeDb db, AssistanceRequest request, RequestChange change)
    {
        db.Timeline.AddRange(change.Timeline);
        db.AddEvents(change.Events, request.Id);
    }

    /// <summary>Null when committed; a 409 when someone else changed the request meanwhile.</summary>
    public static async Task<ProblemHttpResult?> CommitAsync(IntakeDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The request was changed by someone else meanwhile; read it again and retry.");
        }
    }

    public static async Task<RequestView> ViewAsync(IntakeDb db, AssistanceRequest request, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        await foreach (var entry in TimelineOf(db, request.Id).WithCancellation(cancellationToken))
        {
            timeline.Add(entry);
        }
        return RequestView.From(request, timeline);
    }

    // Compiled: every read of a request runs it (see Visibility.ReadVisibleAsync for why; a GET by id reads it in the same query as the request).
    private static readonly Func<IntakeDb, Guid, IAsyncEnumerable<TimelineEntry>> TimelineOf = EF.CompileAsyncQuery(
        (IntakeDb db, Guid requestId) => db.Timeline.AsNoTracking().Where(e => e.RequestId == requestId));
}

/// <summary>A command's answer: the request as it now is, or the problem that stopped it. Converts to each handler's result type.</summary>
public readonly struct RequestOutcome
{
    private readonly RequestView? _view;
    private readonly ProblemHttpResult? _problem;

    public RequestOutcome(RequestView view) => _view = view;

    public RequestOutcome(ProblemHttpResult problem) => _problem = problem;

    public bool Succeeded => _view is not null;

    public static implicit operator Results<Ok<RequestView>, ProblemHttpResult>(RequestOutcome o) =>
        o._problem is { } problem ? problem : TypedResults.Ok(o.View);

    public static implicit operator Results<Ok<RequestView>, ProblemHttpResult, ValidationProblem>(RequestOutcome o) =>
        o._problem is { } problem ? problem : TypedResults.Ok(o.View);

    private RequestView View => _view ?? throw new UnreachableException("An outcome is a view or a problem.");
}
