namespace Programmes.ProgrammePlanning;

/// <summary>What each planning operation does, for its OpenAPI description (keyed by operationId).</summary>
internal static class PlanningOperations
{
    private const string Approval = " A programme is approved automatically (status `Approved`, `ProgrammeApproved`) once it is `Proposed`, "
        + "cleared by the partners (concerns resolved), its compliance review is `Cleared` and it is fully funded.";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["listIntakeItems"] = "Requests as planning knows them from intake's events: submitted and accepted ones, with the programme serving each. Role `staff`.",
        ["createProgramme"] = "Staff draft a programme from accepted requests: States, thematic areas, instruments and activities. Role `staff`. "
            + "Every request named must be accepted. Creates it in status `Draft`; publishes nothing until it is proposed. Idempotency-Key optional.",
        ["listProgrammes"] = "Programmes, filtered by status, State, thematic area or request. Roles `staff` (all), `state` (programmes for its State) "
            + "and `partner` (proposed and later ones).",
        ["getProgramme"] = "One programme with its activities, budget, markers, review, approval facts and timeline. Roles `staff`, `state` "
            + "(programmes for its State) and `partner`; others are a 404.",
        ["addActivityToProgramme"] = "Staff add an activity (modality, thematic area, dates, place, participants, institutions, budget in USD). Role `staff`. "
            + "Requires status `Draft`, `Proposed` or `Approved`. Changing an approved programme's budget sends it back to `Proposed` "
            + "(`ProgrammeStatusChanged`); a proposed programme's new budget publishes `ProgrammeBudgeted`.",
        ["updateActivity"] = "Staff change a planned activity. Role `staff`; same states and effects on the budget as adding one.",
        ["setMarkersOfProgramme"] = "Staff set the gender marker (0-2) and the child-rights flag, both needed to propose. Role `staff`. Requires status `Draft` or `Proposed`.",
        ["setComplianceReviewOfProgramme"] = "Staff record the human-rights compliance review (operative paragraph 6). Role `staff`. Requires status `Draft` or `Proposed`; "
            + "only `Cleared` counts towards approval." + Approval,
        ["submitProposalForProgramme"] = "Staff propose a draft: it needs at least one activity, the gender marker and the child-rights flag. Role `staff`. "
            + "Requires status `Draft`; moves it to `Proposed` and publishes `ProgrammeProposed` (coordination opens a clearance round) and "
            + "`ProgrammeBudgeted` (funding allocates earmarked money)." + Approval,
        ["createResolution"] = "Staff resolve the concerns a clearance round raised: `Accept` counts the programme as cleared, `Resubmit` opens a new "
            + "round (`ProgrammeProposed` again). Role `staff`. Requires open concerns." + Approval,
        ["addStatusChangeToProgramme"] = "Staff change a programme's delivery status: StartDelivery (from `Approved`), Complete (from `InDelivery`), "
            + "Suspend (from `Proposed`, `Approved` or `InDelivery`, reason required), Resume (from `Suspended`), Cancel (any but `Completed`/`Cancelled`, "
            + "reason required). Role `staff`. Publishes `ProgrammeStatusChanged`; an action the status does not allow is a 409 naming currentState.",
        ["submitDeliveryForActivity"] = "Staff record an activity's delivery: actual dates, participants by sex and institution, evaluation and spending. "
            + "Role `staff`. Requires status `Approved` or `InDelivery` (the first delivery moves an approved programme to `InDelivery`); "
            + "publishes `ActivityDelivered`.",
        ["addResultToProgramme"] = "Staff record a result (a law drafted or amended, officials trained, a tool published). Role `staff`. "
            + "Requires status `Approved`, `InDelivery` or `Completed`. Ratification results come only from intake's events.",
        ["listResultsOfProgramme"] = "A programme's results, newest first. Role `staff`.",
        ["getImplementationReports"] = "The implementation report for the General Assembly over a period: deliveries by operative paragraph, modality "
            + "and regional group, participants and results (JSON, or CSV with Accept: text/csv). Role `staff`.",
        ["listActivitiesIati"] = "Programmes as an IATI 2.03 activities file (XML): budgets, incoming commitments and funds, disbursements and results. Role `staff`.",
        ["getAudit"] = "Who changed what in planning, when, and from what to what. Roles `staff` (everything) and `state` (programmes for its State).",
    };
}
