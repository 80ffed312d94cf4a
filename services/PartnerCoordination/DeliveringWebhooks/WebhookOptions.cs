namespace Programmes.PartnerCoordination.DeliveringWebhooks;

/// <summary>Configuration section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>How long one attempt may take: a slow partner costs at most this, and only its own slot.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First retry delay; each further retry doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long a delivery is retried before it is given up (manual redelivery still works).</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromDays(3);

    /// <summary>An endpoint failing without a single success for this long is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Grace period of the previous secret after a rotation, unless the rotation names one.</summary>
    public TimeSpan SecretGrace { get; set; } = TimeSpan.FromHours(24);

    public int PerEndpointConcurrency { get; set; } = 4;
    public int MaxConcurrency { get; set; } = 128;

    /// <summary>Attempts recorded at once (one database connection each).</summary>
    public int MaxConcurrentRecords { get; set; } = 16;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
