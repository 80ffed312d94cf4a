using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.PartnerCoordination.ManagingEndpoints;
using Programmes.PartnerCoordination.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.PartnerCoordination.DeliveringWebhooks;

public sealed record AttemptView(DateTimeOffset AttemptedAt, int? StatusCode, string? Error, double LatencyMs);

public sealed record DeliveryView(Guid Id, string EventType, DeliveryStatus Status, int Attempts, int? LastStatusCode,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, IReadOnlyList<AttemptView> AttemptLog)
{
    public static DeliveryView From(WebhookDelivery d) => new(d.Id, d.EventType, d.Status, d.Attempts, d.LastStatusCode,
        d.CreatedAt, d.NextAttemptAt, d.DeliveredAt,
        d.AttemptLog.OrderBy(a => a.AttemptedAt).ThenBy(a => a.Id).Select(a => new AttemptView(a.AttemptedAt, a.StatusCode, a.Error, a.LatencyMs)).ToArray());
}

public static class DeliveryLogEndpoints
{
    public static IEndpointRouteBuilder MapDeliveryLog(this IEndpointRouteBuilder app)
    {
        var deliveries = app.MapGroup("/api/coordination/partners/{code}/endpoints/{id:guid}/deliveries").WithTags("Webhook endpoints")
            .RequireRoles(Roles.Partner, Roles.Staff);
        deliveries.MapGet("", List);
        deliveries.MapPost("/{deliveryId:guid}/redeliver", Redeliver);
        return app;
    }

    private static async Task<Results<Ok<ListPage<DeliveryView>>, ValidationProblem, ProblemHttpResult>> List(
        string code, Guid id, ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        if (await ManagingEndpointsEndpoints.FindAsync(code, id, user, db, cancellationToken) is null)
        {
            return Problem.NotFound("The webhook endpoint");
        }
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Include(d => d.AttemptLog)
            .Where(d => d.EndpointId == id).OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id)
            .ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(deliveries.Select(DeliveryView.From));
    }

    /// <summary>Sends a delivery again now, whatever its status, with the same webhook-id so receivers can deduplicate.</summary>
    private static async Task<Results<Accepted<DeliveryView>, ProblemHttpResult>> Redeliver(
        string code, Guid id, Guid deliveryId, ClaimsPrincipal user, CoordinationDb db, TimeProvider clock, WebhookSignal signal,
        CancellationToken cancellationToken)
    {
        var endpoint = await ManagingEndpointsEndpoints.FindAsync(code, id, user, db, cancellationToken);
        var delivery = endpoint is null ? null : await db.WebhookDeliveries.Include(d => d.AttemptLog)
            .SingleOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == id, cancellationToken);
        if (delivery is null)
        {
            return Problem.NotFound("The delivery");
        }
        delivery.Status = DeliveryStatus.Pending;
        delivery.NextAttemptAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Accepted($"/api/coordination/partners/{code}/endpoints/{id}/deliveries", DeliveryView.From(delivery));
    }
}
