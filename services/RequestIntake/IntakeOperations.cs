namespace Programmes.RequestIntake;

/// <summary>What each intake operation does, for its OpenAPI description (keyed by operationId).</summary>
internal static class IntakeOperations
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["createRequest"] = "A Member State asks for technical assistance. Role `state`; stateCode must be the token's own State. "
            + "Creates the request in status `Submitted` (possible duplicates of the State's open requests are listed in possibleDuplicateOf) "
            + "and publishes `AssistanceRequestSubmitted`. Idempotency-Key optional: a retry with the same key and body returns the first request.",
        ["listRequests"] = "Requests, newest first, filtered by status, thematic area, State and submission dates. Roles `state` (its own requests only), "
            + "`partner` (CTED: the referrals it made) and `staff` (all).",
        ["getRequest"] = "One request with its timeline. Roles `state` (its own), `partner` (CTED, its referrals) and `staff`; another party's request is a 404.",
        ["addAnswerToRequest"] = "The State answers the questions staff asked. Role `state`, its own request only. Requires status `InformationRequested`; "
            + "moves it back to `Submitted` and publishes `AssistanceRequestInformationProvided`.",
        ["createReferral"] = "CTED refers a need it assessed, with the State's consent. Role `partner`, party CTED only (other partners get 403). "
            + "Creates a request in status `AwaitingStateEndorsement` that waits for the State; no event until the State endorses it.",
        ["acceptRequest"] = "Staff accept a screened request: it is within the mandate and complete. Role `staff`. Requires status `Submitted`; "
            + "moves it to `Accepted` and publishes `AssistanceRequestAccepted` (planning may then draft a programme from it).",
        ["declineRequest"] = "Staff decline a request, with a reason from the list (text required when the reason is `Other`). Role `staff`. "
            + "Requires status `Submitted` or `InformationRequested`; moves it to `Declined` and publishes `AssistanceRequestDeclined`.",
        ["requestInformation"] = "Staff ask the State questions before deciding. Role `staff`. Requires status `Submitted`; moves it to "
            + "`InformationRequested` and publishes `AssistanceRequestInformationRequested`.",
        ["endorseRequest"] = "The State endorses CTED's referral as its own request. Role `state`, the referral's State only. Requires status "
            + "`AwaitingStateEndorsement`; moves it to `Submitted` and publishes `CtedReferralEndorsed` and `AssistanceRequestSubmitted`.",
        ["declineTheReferralOfRequest"] = "The State declines CTED's referral. Role `state`, the referral's State only. Requires status "
            + "`AwaitingStateEndorsement`; moves it to `DeclinedByState` (final) and publishes `CtedReferralDeclinedByState`.",
        ["createCentralAuthority"] = "A State registers one of its central authorities for extradition and mutual legal assistance. Role `state`, "
            + "for its own State only. Publishes no event.",
        ["listCentralAuthorities"] = "The directory of central authorities, filtered by State and kind. Roles `state`, `partner` and `staff` (the directory is shared).",
        ["getCentralAuthority"] = "One central authority. Roles `state`, `partner` and `staff`.",
        ["updateCentralAuthority"] = "A State updates one of its central authorities; each change is kept (see its changes). Role `state`, its own only.",
        ["deleteCentralAuthority"] = "A State removes one of its central authorities. Role `state`, its own only.",
        ["listChangesOfCentralAuthority"] = "The history of a central authority's changes, newest first. Roles `state` (its own) and `staff`.",
        ["listRatifications"] = "How many States are party to each of the 19 universal instruments, and which States are party to all. Roles `state`, `partner` and `staff` (treaty status is public).",
        ["getRatification"] = "A State's standing towards each universal instrument, its gaps and a suggested RATIFICATION request to fill them. "
            + "Roles `state`, `partner` and `staff`. An unknown State code is a 404.",
        ["recordRatification"] = "Staff record a State's standing towards an instrument, as the depositary publishes it. Role `staff`. "
            + "Publishes `RatificationStatusChanged` when the status changes (planning records a Ratification result); repeating it changes nothing.",
        ["getAudit"] = "Who changed what in request intake, when, and from what to what. Roles `staff` (everything), `state` and `partner` (the objects of their own party).",
    };
}
