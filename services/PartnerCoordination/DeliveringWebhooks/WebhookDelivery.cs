using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.PartnerCoordination.DeliveringWebhooks;

[Description("Where a webhook delivery stands.")]
public enum DeliveryStatus
{
    [Description("Not delivered yet; retried with backoff.")]
    Pending,
    [Description("The endpoint answered 2xx.")]
    Succeeded,
    [Description("Every attempt failed; redeliver to try again.")]
    Failed,
}

/// <summary>
/// One event for one endpoint, written in the transaction of the fact it reports. Its id is the
/// <c>webhook-id</c>, unchanged across retries and redeliveries so receivers can deduplicate.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; }
    public Guid EndpointId { get; init; }
    public required string PartnerCode { get; init; }
    public required string EventType { get; init; }

    /// <summary>The exact JSON body that is signed and sent (text, not jsonb: the bytes must not be reformatted).</summary>
    public required string Payload { get; init; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due; also a lease: a dispatcher pushes it out while it sends.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public List<DeliveryAttempt> AttemptLog { get; init; } = [];
}

/// <summary>One try to deliver: what the receiver answered and how long it took.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; init; }
    public Guid DeliveryId { get; init; }
    public Guid EndpointId { get; init; }
    public DateTimeOffset AttemptedAt { get; init; }
    public int? StatusCode { get; init; }
    public string? Error { get; init; }
    public double LatencyMs { get; init; }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("webhook_deliveries");
        delivery.Property(d => d.PartnerCode).HasMaxLength(40);
        delivery.Property(d => d.EventType).HasMaxLength(100);
        delivery.Property(d => d.Payload).HasColumnType("text");
        delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        delivery.HasIndex(d => new { d.EndpointId, d.CreatedAt });
        delivery.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId);
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> attempt)
    {
        attempt.ToTable("webhook_delivery_attempts");
        attempt.Property(a => a.Error).HasMaxLength(500);
        attempt.HasIndex(a => new { a.EndpointId, a.AttemptedAt });
    }
}
