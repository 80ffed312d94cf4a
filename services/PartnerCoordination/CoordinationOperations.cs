namespace Programmes.PartnerCoordination;

/// <summary>What each coordination operation does, for its OpenAPI description (keyed by operationId).</summary>
internal static class CoordinationOperations
{
    private const string OwnEndpoint = "Roles `partner` (its own endpoints only) and `staff`.";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["listRounds"] = "Clearance rounds, filtered by programme and status. Roles `staff` (all answers) and `partner` (rounds addressed to it, its own answer only).",
        ["getRound"] = "One clearance round: the proposed programme, the addressees' answers and detected overlaps. Roles `staff` and `partner` (an addressee; its own answer only).",
        ["addAnswerToRound"] = "An addressee answers a clearance round: concur, concur with comments, flag an overlap with one of its declared activities, "
            + "or propose a joint initiative. Role `partner`, an addressee of the round only (others get 404). Requires the round `Open` and no earlier "
            + "answer from this partner (409). When every addressee has answered the round closes: `Cleared` publishes `ProgrammeCleared`, "
            + "otherwise `ConcernsRaised` publishes `ProgrammeClearanceRaisedConcerns`. Silence at the deadline counts as concurrence.",
        ["listPartners"] = "Partner entities and their interests. Roles `staff` (all) and `partner` (itself).",
        ["getPartner"] = "One partner entity. Roles `staff` and `partner` (itself only).",
        ["createPartner"] = "Staff register a partner entity (an upper-case code). Role `staff`. A code already registered is a 409.",
        ["setInterestsOfPartner"] = "Staff set the thematic areas, States and regional groups a partner is consulted on in clearance rounds. Role `staff`.",
        ["listEndpointsOfPartner"] = "A partner's webhook endpoints. " + OwnEndpoint,
        ["getEndpoint"] = "One webhook endpoint (without its secret). " + OwnEndpoint,
        ["addEndpointToPartner"] = "Register an HTTPS URL to receive signed webhooks (Standard Webhooks) for the chosen event types. " + OwnEndpoint
            + " The answer is the only time the secret is shown.",
        ["updateEndpoint"] = "Change an endpoint's URL or event types. " + OwnEndpoint,
        ["deleteEndpoint"] = "Remove an endpoint; nothing more is delivered to it. " + OwnEndpoint,
        ["rotateTheSecretOfEndpoint"] = "Issue a new signing secret; the old one still signs for the grace period (graceHours, default from configuration). "
            + OwnEndpoint + " The answer shows the new secret.",
        ["enableEndpoint"] = "Enable an endpoint disabled after repeated failures (`WebhookEndpointDisabled`). " + OwnEndpoint,
        ["listDeliveriesOfEndpoint"] = "Webhook deliveries to an endpoint, newest first, with their attempts. " + OwnEndpoint,
        ["redeliverDelivery"] = "Send a delivery again (a failed one, or one the partner lost). " + OwnEndpoint,
        ["createReferral"] = "CTED refers a State's need from its assessment, with the State's consent. Role `partner`, party CTED only (403 otherwise). "
            + "Publishes `CtedReferralShared`; intake creates a request awaiting the State's endorsement.",
        ["listReferrals"] = "CTED's referrals, newest first. Roles `staff` and `partner` (CTED only; other partners see none).",
        ["getReferral"] = "One referral. Roles `staff` and `partner` (CTED).",
        ["listActivities"] = "Activities partners declared, used to detect overlaps in clearance rounds. Roles `staff` (all) and `partner` (its own).",
        ["getActivity"] = "One declared activity. Roles `staff` and `partner` (its own).",
        ["createActivity"] = "A partner declares an activity it plans (State, thematic area, modality, dates): clearance rounds flag programmes that overlap it. Role `partner`.",
        ["updateActivity"] = "A partner changes one of its planned activities. Role `partner`, its own only; a withdrawn activity is a 409.",
        ["withdrawActivity"] = "A partner withdraws one of its activities; it no longer counts for overlaps. Role `partner`, its own only; requires `Planned`.",
        ["createJointInitiative"] = "Staff record a joint initiative of partners on a programme. Role `staff`. Publishes `JointInitiativeRecorded` "
            + "(planning lists the joint partners) and sends the `joint-initiative.recorded` webhook.",
        ["listJointInitiatives"] = "Joint initiatives, filtered by programme. Roles `staff` and `partner`.",
        ["getAudit"] = "Who changed what in coordination, when, and from what to what. Roles `staff` (everything) and `partner` (its own objects).",
    };
}
