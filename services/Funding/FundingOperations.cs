namespace Programmes.Funding;

/// <summary>What each funding operation does, for its OpenAPI description (keyed by operationId).</summary>
internal static class FundingOperations
{
    private const string Idempotent = " Idempotency-Key required: a retry with the same key and body returns the first answer.";
    private const string Allocates = " Converted payments are allocated to programmes' funding gaps in earmarking order (programme, State, region, "
        + "thematic area, unearmarked), publishing `FundsAllocated`, and `ProgrammeFullyFunded` when a budget is covered.";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["createDonor"] = "Staff register a donor (a Member State, an intergovernmental body, a private donor or the regular budget). Role `staff`. "
            + "A code already registered is a 409." + Idempotent,
        ["listDonors"] = "Donors. Roles `staff` (all) and `donor` (itself).",
        ["getDonor"] = "One donor. Roles `staff` and `donor` (itself only; others are a 404).",
        ["updateDonor"] = "Staff change a donor's name, IATI identifier, contact or agreement references. Role `staff`.",
        ["getStatementOfDonor"] = "A donor's statement: pledged, paid and outstanding by currency and in USD, where the money went, in-kind support, "
            + "and every line with who recorded it. Roles `staff` and `donor` (its own).",
        ["createPledge"] = "Record a donor's pledge with its signed agreement, in the donor's currency (exact at its minor units) and its earmarking. "
            + "Roles `donor` (for itself; donorId left out) and `staff` (donorId required). Publishes `PledgeRecorded`; the USD value follows "
            + "when a rate for the pledge date is loaded (`ContributionConverted`)." + Idempotent,
        ["listPledges"] = "Pledges with their payments, newest first. Roles `staff` (all, or one donor's) and `donor` (its own).",
        ["getPledge"] = "One pledge with its payments. Roles `staff` and `donor` (its own; others are a 404).",
        ["addPaymentToPledge"] = "Record a payment received against a pledge, in the pledge's currency, not above what is outstanding (409). "
            + "Roles `donor` (its own pledges) and `staff`. Publishes `PaymentReceived`." + Allocates + Idempotent,
        ["getPayment"] = "One payment of a pledge (the URL a payment's 201 Location names). Roles `staff` and `donor` (its own).",
        ["createInKind"] = "Record goods or services given in kind, at an estimated value. Roles `donor` (for itself) and `staff`. "
            + "Publishes `InKindContributionRecorded`; services are disclosed, never counted as cash." + Idempotent,
        ["getInKind"] = "One in-kind contribution. Roles `staff` and `donor` (its own).",
        ["createExchangeRate"] = "Staff load the UN operational rate of a currency for a month (units per USD). Role `staff`. Converts pending "
            + "contributions of that month (`ContributionConverted`)." + Allocates + Idempotent,
        ["listExchangeRates"] = "Loaded exchange rates, newest month first. Roles `staff` and `donor`.",
        ["loadInBulkExchangeRates"] = "Staff load many monthly rates at once, as CSV (currency,month,unitsPerUsd). Role `staff`; same effects as loading one. "
            + "A rate that differs from one already loaded is listed as a conflict and not changed." + Idempotent,
        ["getProgramme"] = "A programme's funding: budget, allocations by donor and payment, support cost and gap. Role `staff`.",
        ["listFundingGaps"] = "Programmes whose budget is not covered, largest gap first. Role `staff`.",
        ["getAudit"] = "Who changed what in funding, when, and from what to what. Roles `staff` (everything) and `donor` (its own objects).",
    };
}
