using Microsoft.EntityFrameworkCore;
using Programmes.Auditing;
using Programmes.Funding.Model;

namespace Programmes.Funding.Persistence;

/// <summary>The object types of a donor's contributions, as their audit entries and the statement's lines name them.</summary>
public static class FundingObjects
{
    public const string Pledge = "pledge";
    public const string Payment = "payment";
    public const string InKind = "in-kind";
    public const string Allocation = "allocation";
}

/// <summary>
/// What funding's audit records: every rate, pledge, payment, in-kind record, allocation (release included) and
/// budget, with its exact amounts and currency. A donor reads the entries on its own contributions.
/// </summary>
public static class FundingAudit
{
    public static void Track(AuditRules<FundingDb> audit) => audit
        .Track<Donor>("donor", d => d.Id, d => [AuditReaders.Donor(d.Code)],
            nameof(Donor.Code), nameof(Donor.Name), nameof(Donor.Kind), nameof(Donor.StateCode), nameof(Donor.IatiIdentifier), nameof(Donor.AgreementReferences))
        .Track<Pledge>(FundingObjects.Pledge, p => p.Id, (p, db) => DonorOf(db, p.DonorId),
            nameof(Pledge.Amount), nameof(Pledge.Currency), nameof(Pledge.AmountUsd), nameof(Pledge.PledgeDate), nameof(Pledge.AgreementReference),
            nameof(Pledge.Earmarking), nameof(Pledge.EarmarkedTo))
        .Track<Payment>(FundingObjects.Payment, p => p.Id, (p, db) => DonorOf(db, p.DonorId),
            nameof(Payment.PledgeId), nameof(Payment.Amount), nameof(Payment.Currency), nameof(Payment.AmountUsd), nameof(Payment.ValueDate),
            nameof(Payment.BankReference))
        .Track<InKindContribution>(FundingObjects.InKind, c => c.Id, (c, db) => DonorOf(db, c.DonorId),
            nameof(InKindContribution.Kind), nameof(InKindContribution.EstimatedValue), nameof(InKindContribution.Currency),
            nameof(InKindContribution.EstimatedValueUsd), nameof(InKindContribution.ContributionDate), nameof(InKindContribution.ProgrammeId))
        .Track<ExchangeRate>("exchange-rate", r => $"{r.Currency}/{r.Month:yyyy-MM}", _ => [],
            nameof(ExchangeRate.Currency), nameof(ExchangeRate.Month), nameof(ExchangeRate.UnitsPerUsd))
        .Track<Allocation>(FundingObjects.Allocation, a => a.Id, (a, db) => DonorOf(db, a.DonorId),
            nameof(Allocation.ProgrammeId), nameof(Allocation.PaymentId), nameof(Allocation.Source), nameof(Allocation.Step),
            nameof(Allocation.AmountUsd), nameof(Allocation.SupportCostUsd), nameof(Allocation.ReleasedUsd))
        .Track<BudgetedProgramme>("programme-budget", p => p.ProgrammeId, _ => [],
            nameof(BudgetedProgramme.BudgetUsd), nameof(BudgetedProgramme.FullyFunded));

    /// <summary>A donor client's party is its donor code: from the donor the command loaded, else from the database.</summary>
    private static IEnumerable<string> DonorOf(FundingDb db, Guid donorId) =>
        (db.Donors.Local.FirstOrDefault(d => d.Id == donorId)?.Code
            ?? db.Donors.AsNoTracking().Where(d => d.Id == donorId).Select(d => d.Code).FirstOrDefault()) is { } code
            ? [AuditReaders.Donor(code)]
            : [];
}
