using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.PartnerCoordination.ManagingEndpoints;

/// <summary>Where a partner wants its events delivered, signed with the endpoint's secret.</summary>
public sealed class WebhookEndpoint
{
    public Guid Id { get; init; }
    public required string PartnerCode { get; init; }
    public required string Url { get; set; }
    public required List<string> EventTypes { get; set; }

    /// <summary>Standard Webhooks secret, <c>whsec_</c> + base64 key. Kept readable: signing needs it.</summary>
    public required string Secret { get; set; }

    /// <summary>The secret before the last rotation, still signed with until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    /// <summary>First failure since the last success; an endpoint failing for long enough is disabled.</summary>
    public DateTimeOffset? FailingSince { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
    public string? DisabledReason { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool IsEnabled => DisabledAt is null;

    /// <summary>The secrets a receiver may verify against now: the current one, and the previous one during its grace.</summary>
    public IEnumerable<string> SigningSecrets(DateTimeOffset now)
    {
        yield return Secret;
        if (PreviousSecret is not null && PreviousSecretExpiresAt > now)
        {
            yield return PreviousSecret;
        }
    }
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> endpoint)
    {
        endpoint.ToTable("webhook_endpoints");
        endpoint.Property(e => e.PartnerCode).HasMaxLength(40);
        endpoint.Property(e => e.Url).HasMaxLength(2000);
        endpoint.Property(e => e.Secret).HasMaxLength(100);
        endpoint.Property(e => e.PreviousSecret).HasMaxLength(100);
        endpoint.Property(e => e.DisabledReason).HasMaxLength(500);
        endpoint.HasIndex(e => e.PartnerCode);
    }
}
