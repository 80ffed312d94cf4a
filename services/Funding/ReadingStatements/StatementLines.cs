using Programmes.Auditing;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.ReferenceData;

namespace Programmes.Funding.ReadingStatements;

/// <summary>
/// Every line carries, from the audit trail, who recorded it and when (<c>recorded</c>) and who last changed it
/// (<c>lastChanged</c>: a rate loaded later converts a pledge or payment, a budget decrease releases an allocation).
/// Both are null for a line written before the audit trail existed.
/// </summary>
public sealed record PledgeLine(Guid Id, DateOnly PledgeDate, decimal Amount, string Currency, decimal? AmountUsd, Earmarking Earmarking,
    string? EarmarkedTo, AuditStamp? Recorded, AuditStamp? LastChanged);

public sealed record PaymentLine(Guid Id, Guid PledgeId, DateOnly ValueDate, decimal Amount, string Currency, decimal? AmountUsd,
    AuditStamp? Recorded, AuditStamp? LastChanged);

public sealed record InKindLine(Guid Id, InKindKind Kind, DateOnly ContributionDate, decimal EstimatedValue, string Currency,
    decimal? EstimatedValueUsd, AuditStamp? Recorded, AuditStamp? LastChanged);

public sealed record AllocationLine(Guid Id, Guid ProgrammeId, Guid PaymentId, decimal AmountUsd, decimal SupportCostUsd, decimal ReleasedUsd,
    AuditStamp? Recorded, AuditStamp? LastChanged);

/// <summary>The rows the statement's totals are the sums of, each with who recorded it and when.</summary>
public sealed record StatementLines(IReadOnlyList<PledgeLine> Pledges, IReadOnlyList<PaymentLine> Payments, IReadOnlyList<InKindLine> InKind,
    IReadOnlyList<AllocationLine> Allocations)
{
    /// <summary>The audited objects behind the lines: what the statement asks the audit trail about, in one query.</summary>
    public static (string[] Types, string[] Ids) Objects(IReadOnlyList<Pledge> pledges, IReadOnlyList<Allocation> allocations,
        IReadOnlyList<InKindContribution> inKind)
    {
        IEnumerable<Guid> ids = [.. pledges.Select(p => p.Id), .. pledges.SelectMany(p => p.Payments).Select(p => p.Id),
            .. inKind.Select(c => c.Id), .. allocations.Select(a => a.Id)];
        return ([FundingObjects.Pledge, FundingObjects.Payment, FundingObjects.InKind, FundingObjects.Allocation],
            [.. ids.Select(id => id.ToString())]);
    }

    public static StatementLines Build(IReadOnlyList<Pledge> pledges, IReadOnlyList<Allocation> allocations,
        IReadOnlyList<InKindContribution> inKind, IReadOnlyDictionary<(string ObjectType, string ObjectId), AuditHistory> histories)
    {
        AuditStamp? Recorded(string type, Guid id) => histories.GetValueOrDefault((type, id.ToString()))?.Recorded;
        AuditStamp? LastChanged(string type, Guid id) => histories.GetValueOrDefault((type, id.ToString()))?.LastChanged;
        return new StatementLines(
            [.. pledges.OrderBy(p => p.PledgeDate).ThenBy(p => p.Id).Select(p => new PledgeLine(p.Id, p.PledgeDate,
                Money.Round(p.Currency, p.Amount), p.Currency, Money.Usd(p.AmountUsd), p.Earmarking, p.EarmarkedTo,
                Recorded(FundingObjects.Pledge, p.Id), LastChanged(FundingObjects.Pledge, p.Id)))],
            [.. pledges.SelectMany(p => p.Payments).OrderBy(p => p.ValueDate).ThenBy(p => p.Id).Select(p => new PaymentLine(p.Id, p.PledgeId,
                p.ValueDate, Money.Round(p.Currency, p.Amount), p.Currency, Money.Usd(p.AmountUsd),
                Recorded(FundingObjects.Payment, p.Id), LastChanged(FundingObjects.Payment, p.Id)))],
            [.. inKind.OrderBy(c => c.ContributionDate).ThenBy(c => c.Id).Select(c => new InKindLine(c.Id, c.Kind, c.ContributionDate,
                Money.Round(c.Currency, c.EstimatedValue), c.Currency, Money.Usd(c.EstimatedValueUsd),
                Recorded(FundingObjects.InKind, c.Id), LastChanged(FundingObjects.InKind, c.Id)))],
            [.. allocations.OrderBy(a => a.AllocatedAt).ThenBy(a => a.Id).Select(a => new AllocationLine(a.Id, a.ProgrammeId, a.PaymentId,
                Money.Usd(a.AmountUsd), Money.Usd(a.SupportCostUsd), Money.Usd(a.ReleasedUsd),
                Recorded(FundingObjects.Allocation, a.Id), LastChanged(FundingObjects.Allocation, a.Id)))]);
    }
}
