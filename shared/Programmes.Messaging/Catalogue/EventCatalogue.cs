using Programmes.Contracts;

namespace Programmes.Messaging.Catalogue;

/// <summary>One integration event: who publishes it, who consumes it, and what it means.</summary>
public sealed record CataloguedEvent(Type Type, string Producer, string[] Consumers, string Summary);

/// <summary>
/// Every integration event of <c>shared/Programmes.Contracts</c> with its producer and consumers: the source of
/// the AsyncAPI document the gateway serves (<see cref="AsyncApiDocument"/>) and of docs/events.md. A test
/// checks it against the contracts assembly and the consumers each service registers, so it cannot drift.
/// </summary>
public static class EventCatalogue
{
    public const string Intake = "request-intake";
    public const string Planning = "programme-planning";
    public const string Coordination = "partner-coordination";
    public const string Funding = "funding";

    public static IReadOnlyList<CataloguedEvent> All { get; } =
    [
        new(typeof(AssistanceRequestSubmitted), Intake, [Planning], "A State (or CTED's endorsed referral) submitted a request for assistance."),
        new(typeof(AssistanceRequestAccepted), Intake, [Planning], "Staff accepted a request after screening; planning may build it into a programme."),
        new(typeof(AssistanceRequestDeclined), Intake, [], "Staff declined a request, with the reason."),
        new(typeof(AssistanceRequestInformationRequested), Intake, [], "Staff asked the State for more information."),
        new(typeof(AssistanceRequestInformationProvided), Intake, [], "The State answered the questions; the request returns to screening."),
        new(typeof(CtedReferralEndorsed), Intake, [], "The State endorsed a need CTED referred; it becomes the State's request."),
        new(typeof(CtedReferralDeclinedByState), Intake, [], "The State declined a need CTED referred."),
        new(typeof(RatificationStatusChanged), Intake, [Planning], "A State's ratification status of a universal instrument changed."),
        new(typeof(ProgrammeProposed), Planning, [Coordination, Intake], "Staff proposed a programme; partner coordination opens its clearance round."),
        new(typeof(ProgrammeBudgeted), Planning, [Funding], "A programme's budget was set or changed; funding allocates earmarked money against it."),
        new(typeof(ProgrammeApproved), Planning, [Intake], "A cleared and funded programme was approved."),
        new(typeof(ProgrammeStatusChanged), Planning, [Intake], "A programme changed status (in delivery, completed, suspended, cancelled)."),
        new(typeof(ActivityDelivered), Planning, [Intake], "An activity of a programme was delivered, with its participants."),
        new(typeof(ProgrammeCleared), Coordination, [Planning, Intake], "CTED and the partners cleared a proposed programme."),
        new(typeof(ProgrammeClearanceRaisedConcerns), Coordination, [Planning], "The clearance round closed with concerns planning must resolve."),
        new(typeof(JointInitiativeRecorded), Coordination, [Planning], "A partner entity joined a programme as a joint initiative."),
        new(typeof(CtedReferralShared), Coordination, [Intake], "CTED referred a State's need, with the State's consent; intake awaits the State's endorsement."),
        new(typeof(WebhookEndpointDisabled), Coordination, [], "A partner's webhook endpoint was disabled after repeated failures."),
        new(typeof(PledgeRecorded), Funding, [Planning], "A donor pledged money, exact in its currency's minor units; planning reports an earmarked pledge as IATI incoming commitment."),
        new(typeof(PaymentReceived), Funding, [Planning], "A donor's payment was received against a pledge; planning reports it as IATI incoming funds."),
        new(typeof(InKindContributionRecorded), Funding, [], "A donor's in-kind contribution was recorded at its value."),
        new(typeof(ContributionConverted), Funding, [], "A contribution was converted to US dollars at the loaded rate."),
        new(typeof(FundsAllocated), Funding, [Planning], "Money was allocated to a programme: direct cost and programme support cost."),
        new(typeof(FundsReleased), Funding, [Planning], "Allocated money was released from a programme."),
        new(typeof(ProgrammeFullyFunded), Funding, [Planning, Intake], "A programme's budget is fully covered."),
        new(typeof(ProgrammeFundingGapOpened), Funding, [Planning], "A programme's budget is no longer fully covered."),
    ];

    private static readonly Lazy<HashSet<Type>> Consumed = new(() => [.. All.Where(e => e.Consumers.Length > 0).Select(e => e.Type)]);

    /// <summary>
    /// The README's event map, made from this catalogue (the AsyncAPI document's source too): one row per producer and
    /// set of consumers. A test fails when the README's copy between its markers differs.
    /// </summary>
    public static string MarkdownMap()
    {
        var lines = new List<string> { "| producer | events | consumed by |", "|---|---|---|" };
        foreach (var group in All.GroupBy(e => (e.Producer, Consumers: string.Join(", ", e.Consumers))))
        {
            var consumers = group.Key.Consumers.Length > 0 ? group.Key.Consumers : "(facts for reports and webhooks)";
            lines.Add($"| {group.Key.Producer} | {string.Join(", ", group.Select(e => $"`{e.Type.Name}`"))} | {consumers} |");
        }
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Whether some service consumes the event, so that publishing it to no queue would lose it.</summary>
    public static bool HasConsumers(Type type) => Consumed.Value.Contains(type);
}
