using Programmes.Contracts.Webhooks;

namespace Programmes.PartnerCoordination.DeliveringWebhooks;

/// <summary>The webhook types a partner may subscribe to: those of the contracts (<see cref="WebhookEvents"/>).</summary>
public static class WebhookEventTypes
{
    public static readonly IReadOnlyList<string> All = [.. WebhookEvents.All.Select(e => e.Type)];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type);
}
