namespace Programmes.PartnerCoordination.DeliveringWebhooks;

/// <summary>The events a partner can subscribe an endpoint to.</summary>
public static class WebhookEventTypes
{
    public const string RoundOpened = "clearance.round.opened";
    public const string RoundClosed = "clearance.round.closed";
    public const string JointInitiativeRecorded = "joint-initiative.recorded";

    public static readonly IReadOnlyList<string> All = [RoundOpened, RoundClosed, JointInitiativeRecorded];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type);
}
