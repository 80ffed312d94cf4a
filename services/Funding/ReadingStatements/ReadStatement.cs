using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Auditing;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;

namespace Programmes.Funding.ReadingStatements;

public sealed record CurrencyTotals(string Currency, decimal Pledged, decimal Paid, decimal Outstanding);

/// <summary>USD at the UN rate of each pledge's month (pledged, outstanding) and each payment's value-date month (paid).</summary>
public sealed record UsdTotals(decimal Pledged, decimal Paid, decimal Outstanding, decimal Allocated, decimal SupportCost, decimal Unallocated,
    int PledgesPendingConversion, int PaymentsPendingConversion);

public sealed record ProgrammeShare(Guid ProgrammeId, decimal AllocatedUsd, decimal SupportCostUsd);

public sealed record InKindTotals(decimal GoodsUsd, decimal ServicesDisclosedUsd, int PendingConversion);

/// <summary>The totals, and the lines they add up from, each line with who recorded it and when (<see cref="StatementLines"/>).</summary>
public sealed record DonorStatement(Guid DonorId, string DonorCode, string DonorName, DonorKind Kind, IReadOnlyList<CurrencyTotals> ByCurrency,
    UsdTotals Usd, IReadOnlyList<ProgrammeShare> AllocatedTo, InKindTotals InKind, StatementLines Lines);

public static class ReadingStatementEndpoint
{
    public static IEndpointRouteBuilder MapReadingStatement(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/funding/donors/{id:guid}/statement", Handle).RequireRoles(Roles.Donor, Roles.Staff).WithTags("Donors")
            .WithDescription("The donor's totals by currency and in USD, and every pledge, payment, in-kind record and live allocation they "
                + "add up from. Each line says, from the audit trail, who recorded it and when (`recorded`: client id, role, party, time, "
                + "action) and who last changed it (`lastChanged`); both are null for a line older than the trail.");
        return app;
    }

    private static async Task<Results<Ok<DonorStatement>, ProblemHttpResult>> Handle(Guid id, ClaimsPrincipal user, FundingDb db, CancellationToken cancellationToken)
    {
        var donor = await db.Donors.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (donor is null || !user.GetCaller().MayActFor(donor))
        {
            return Problem.NotFound("The donor");
        }
        var pledges = await db.Pledges.AsNoTracking().Include(p => p.Payments).Where(p => p.DonorId == id).ToListAsync(cancellationToken);
        var allocations = await db.Allocations.AsNoTracking().Where(a => a.DonorId == id && a.AmountUsd > 0m).ToListAsync(cancellationToken);
        var inKind = await db.InKindContributions.AsNoTracking().Where(c => c.DonorId == id).ToListAsync(cancellationToken);
        // Only the entries of this donor's own lines: the statement's object-level rule is the audit's.
        var (types, ids) = StatementLines.Objects(pledges, allocations, inKind);
        var histories = await db.HistoriesAsync(types, ids, cancellationToken);

        return TypedResults.Ok(Build(donor, pledges, allocations, inKind, histories));
    }

    /// <summary>
    /// The statement from its rows. Every USD line is already rounded to cents (stored so, or rounded per pledge
    /// for what is outstanding), and every total is the sum of its lines, so the parts always add up to it.
    /// </summary>
    public static DonorStatement Build(Donor donor, IReadOnlyList<Pledge> pledges, IReadOnlyList<Allocation> allocations,
        IReadOnlyList<InKindContribution> inKind, IReadOnlyDictionary<(string ObjectType, string ObjectId), AuditHistory> histories)
    {
        var payments = pledges.SelectMany(p => p.Payments).ToList();
        var live = allocations.Where(a => a.AmountUsd > 0m).ToList();
        var byCurrency = pledges.GroupBy(p => p.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CurrencyTotals(g.Key,
            g.Sum(p => Money.Round(g.Key, p.Amount)),
            g.Sum(p => p.Payments.Sum(x => Money.Round(g.Key, x.Amount))),
            g.Sum(p => Money.Round(g.Key, Outstanding(p))))).ToList();
        var paidUsd = payments.Sum(p => p.AmountUsd ?? 0m);
        var usd = new UsdTotals(
            pledges.Sum(p => Money.Usd(p.AmountUsd) ?? 0m),
            paidUsd,
            pledges.Sum(OutstandingUsd),
            live.Sum(a => a.AmountUsd),
            live.Sum(a => a.SupportCostUsd),
            paidUsd - payments.Sum(p => p.AllocatedUsd),
            pledges.Count(p => p.AmountUsd is null),
            payments.Count(p => p.AmountUsd is null));
        var allocatedTo = live.GroupBy(a => a.ProgrammeId)
            .Select(g => new ProgrammeShare(g.Key, g.Sum(a => a.AmountUsd), g.Sum(a => a.SupportCostUsd)))
            .OrderByDescending(s => s.AllocatedUsd)
            .ToList();
        var inKindTotals = new InKindTotals(
            inKind.Where(c => c.Kind == InKindKind.Goods).Sum(c => c.EstimatedValueUsd ?? 0m),
            inKind.Where(c => c.Kind == InKindKind.Services).Sum(c => c.EstimatedValueUsd ?? 0m),
            inKind.Count(c => c.EstimatedValueUsd is null));
        return new DonorStatement(donor.Id, donor.Code, donor.Name, donor.Kind, byCurrency, usd, allocatedTo, inKindTotals,
            StatementLines.Build(pledges, live, inKind, histories));
    }

    /// <summary>What is still to be paid, valued at the pledge's own rate and rounded per pledge.</summary>
    public static decimal OutstandingUsd(Pledge pledge) =>
        pledge.AmountUsd is { } usd ? Money.UsdShare(usd, Outstanding(pledge), pledge.Amount) : 0m;

    public static decimal Outstanding(Pledge pledge) => Math.Max(0m, pledge.Amount - pledge.Payments.Sum(p => p.Amount));
}
