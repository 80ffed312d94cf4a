using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.ServiceDefaults;

namespace Programmes.Gateway.Operations;

/// <summary>
/// Operations staff see what failed on every service's queues, and replay or discard it once the cause
/// is fixed. Every replay and discard is audited.
/// </summary>
public static partial class HandlingDeadLettersEndpoints
{
    public static IEndpointRouteBuilder MapHandlingDeadLetters(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/operations/dead-letters").RequireRoles(Roles.Operations, Roles.Staff).WithTags("Operations");
        group.MapGet("/", async (DeadLetterQueues queues, CancellationToken ct) => TypedResults.Ok(await queues.ListAsync(ct)));
        group.MapGet("/audit", async (DeadLetterAudit audit, CancellationToken ct) => TypedResults.Ok(await audit.ListAsync(ct)));
        group.MapPost("/{queue}/replay", (string queue, string? messageId, ClaimsPrincipal user, DeadLetterQueues queues, DeadLetterAudit audit, CancellationToken ct) =>
            MoveAsync("replay", queue, messageId, user, audit, () => queues.ReplayAsync(queue, messageId, ct), ct));
        group.MapPost("/{queue}/discard", (string queue, string? messageId, ClaimsPrincipal user, DeadLetterQueues queues, DeadLetterAudit audit, CancellationToken ct) =>
            MoveAsync("discard", queue, messageId, user, audit, () => queues.DiscardAsync(queue, messageId, ct), ct));
        return app;
    }

    private static async Task<Results<Ok<MoveResult>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        string action, string queue, string? messageId, ClaimsPrincipal user, DeadLetterAudit audit,
        Func<Task<DeadLetterQueues.MoveOutcome>> move, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Check(queue.EndsWith(DeadLetterQueues.ErrorSuffix, StringComparison.Ordinal) && QueueName().IsMatch(queue),
            "queue", "must be the name of an _error queue.");
        validation.Check(messageId is null || Guid.TryParse(messageId, out _), "messageId", "must be a message id (a GUID).");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }
        var (moved, missing) = await move();
        if (missing is not null)
        {
            return Problem.NotFound($"The queue {missing}");
        }
        if (messageId is not null && moved.Count == 0)
        {
            return Problem.NotFound($"Dead letter {messageId} on {queue}");
        }
        await audit.RecordAsync(user.GetCaller().ClientId, action, queue, messageId, moved, cancellationToken);
        return TypedResults.Ok(new MoveResult(action, queue, moved));
    }

    public sealed record MoveResult(string Action, string Queue, IReadOnlyList<string> MessageIds);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,200}$")]
    private static partial Regex QueueName();
}
