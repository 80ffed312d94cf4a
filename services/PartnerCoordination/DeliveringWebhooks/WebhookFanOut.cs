using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Programmes.PartnerCoordination.Persistence;

namespace Programmes.PartnerCoordination.DeliveringWebhooks;

/// <summary>
/// Queues an event for every enabled endpoint of the given partners that subscribed to its type. The
/// delivery rows join the caller's unit of work, so they exist exactly when the fact does.
/// </summary>
public static class WebhookFanOut
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task QueueWebhooksAsync(this CoordinationDb db, IReadOnlyCollection<string> partnerCodes,
        string eventType, object data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var endpoints = await db.WebhookEndpoints
            .Where(e => partnerCodes.Contains(e.PartnerCode) && e.DisabledAt == null && e.EventTypes.Contains(eventType))
            .Select(e => new { e.Id, e.PartnerCode })
            .ToListAsync(cancellationToken);
        // The body follows the Standard Webhooks payload shape; each endpoint gets its own webhook-id.
        var payload = JsonSerializer.Serialize(new { type = eventType, timestamp = now, data }, Json);
        foreach (var endpoint in endpoints)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = Guid.CreateVersion7(now),
                EndpointId = endpoint.Id,
                PartnerCode = endpoint.PartnerCode,
                EventType = eventType,
                Payload = payload,
                Status = DeliveryStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }
    }
}
