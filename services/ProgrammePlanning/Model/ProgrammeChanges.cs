using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.Model;

/// <summary>
/// The one way a staff command changes a programme: in one transaction, lock the programme (approval facts
/// arrive concurrently from other services), 404 when it does not exist, run the step, and when the step
/// allows it add its events to the outbox, save, commit and answer with the programme as it now is.
/// A refused step leaves the transaction uncommitted, so nothing it touched is saved.
/// </summary>
public static class ProgrammeChanges
{
    /// <summary>Validates the body first: an invalid body is answered with every invalid field before the programme is locked.</summary>
    public static async Task<ProgrammeOutcome> ApplyAsync<TCommand>(
        PlanningDb db, Guid id, ICommandRequest<TCommand> body, Func<Programme, TCommand, ProgrammeStep> step, CancellationToken cancellationToken)
        where TCommand : class =>
        body.TryValidate(out var command, out var problem)
            ? await ApplyAsync(db, id, programme => step(programme, command), cancellationToken)
            : new(problem);

    public static async Task<ProgrammeOutcome> ApplyAsync(PlanningDb db, Guid id, Func<Programme, ProgrammeStep> step, CancellationToken cancellationToken)
    {
        await using var transaction = await CommandTransaction.BeginOrJoinAsync(db.Database, cancellationToken);
        if (await db.LockProgrammeAsync(id, cancellationToken) is not { } programme)
        {
            return new(Problem.NotFound("The programme"));
        }
        var outcome = step(programme);
        if (outcome.Refusal is { } refusal)
        {
            return refusal;
        }
        db.AddEvents(outcome.Events, programme.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(ProgrammeView.Of(programme));
    }
}

/// <summary>What a step did: the events it publishes (possibly none), or why it was refused.</summary>
public readonly struct ProgrammeStep
{
    private ProgrammeStep(IReadOnlyList<object> events, ProgrammeOutcome? refusal)
    {
        Events = events;
        Refusal = refusal;
    }

    public IReadOnlyList<object> Events { get; }

    public ProgrammeOutcome? Refusal { get; }

    /// <summary>The step changed the programme and publishes nothing.</summary>
    public static ProgrammeStep Done => new([], null);

    public static implicit operator ProgrammeStep(List<object> events) => new(events, null);

    public static implicit operator ProgrammeStep(ProblemHttpResult problem) => new([], new(problem));

    public static implicit operator ProgrammeStep(ValidationProblem problem) => new([], new(problem));
}

/// <summary>A command's answer: the programme as it now is, or the problem that stopped it. Converts to each handler's result type.</summary>
public readonly struct ProgrammeOutcome
{
    private readonly ProgrammeView? _view;
    private readonly ProblemHttpResult? _problem;
    private readonly ValidationProblem? _invalid;

    public ProgrammeOutcome(ProgrammeView view) => _view = view;

    public ProgrammeOutcome(ProblemHttpResult problem) => _problem = problem;

    public ProgrammeOutcome(ValidationProblem invalid) => _invalid = invalid;

    public static implicit operator Results<Ok<ProgrammeView>, ValidationProblem, ProblemHttpResult>(ProgrammeOutcome o) =>
        o._problem is { } problem ? problem : o._invalid is { } invalid ? invalid : TypedResults.Ok(o.View);

    /// <summary>For commands without a body, whose steps never return a validation problem.</summary>
    public static implicit operator Results<Ok<ProgrammeView>, ProblemHttpResult>(ProgrammeOutcome o) =>
        o._invalid is not null ? throw new UnreachableException("A command without a body has nothing to validate.")
        : o._problem is { } problem ? problem : TypedResults.Ok(o.View);

    private ProgrammeView View => _view ?? throw new UnreachableException("An outcome is a view or a problem.");
}
