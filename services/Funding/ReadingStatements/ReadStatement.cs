using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Funding.Persistence;
using Programmes.ServiceDefaults;
using Programmes.Funding.Model;

namespace Programmes.Funding.ReadingStatements;

public sealed record CurrencyTotals(string Currency, decimal Pledged, decimal Paid, decimal Outstanding);

/// <summary>USD at the UN rate of each pledge's month (pledged, outstanding) and each payment's value-date month (paid).</summary>
public sealed record UsdTotals(decimal Pledged, decimal Paid, decimal Outstanding, decimal Allocated, decimal SupportCost, decimal Unallocated,
    int PledgesPendingConversion, int PaymentsPendingConversion);

public sealed record ProgrammeShare(Guid ProgrammeId, decimal AllocatedUsd, decimal SupportCostUsd);

public sealed record InKindTotals(decimal GoodsUsd, decimal ServicesDisclosedUsd, int PendingConversion);

public sealed record DonorStatement(Guid DonorId, string DonorCode, string DonorName, DonorKind Kind, IReadOnlyList<CurrencyTotals> ByCurrency,
    UsdTotals Usd, IReadOnlyList<ProgrammeShare> AllocatedTo, InKindTotals InKind);

public static class ReadingStatementEndpoint
{
    public static IEndpointRouteBuilder MapReadingStatement(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/funding/donors/{id:guid}/statement", Handle).RequireRoles(Roles.Donor, Roles.Staff).WithTags("Donors");
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
        var payments = pledges.SelectMany(p => p.Payments).ToList();
        var allocations = await db.Allocations.AsNoTracking().Where(a => a.DonorId == id && a.AmountUsd > 0m).ToListAsync(cancellationToken);
        var inKind = await db.InKindContributions.AsNoTracking().Where(c => c.DonorId == id).ToListAsync(cancellationToken);

        var byCurrency = pledges.GroupBy(p => p.Currency).OrderBy(g => g.Key).Select(g =>
        {
            var pledged = g.Sum(p => p.Amount);
            var paid = g.Sum(p => p.Payments.Sum(x => x.Amount));
            return new CurrencyTotals(g.Key, Money.In(g.Key, pledged), Money.In(g.Key, paid), Money.In(g.Key, g.Sum(Outstanding)));
        }).ToList();
        // What is still to be paid is valued at the pledge's own rate.
        var outstandingUsd = pledges.Where(p => p.AmountUsd is not null).Sum(p => p.AmountUsd!.Value * Outstanding(p) / p.Amount);
        var paidUsd = payments.Sum(p => p.AmountUsd ?? 0m);
        var drawnUsd = payments.Sum(p => p.AllocatedUsd);
        var usd = new UsdTotals(
            Money.Usd(pledges.Sum(p => p.AmountUsd ?? 0m)),
            Money.Usd(paidUsd),
            Money.Usd(outstandingUsd),
            Money.Usd(allocations.Sum(a => a.AmountUsd)),
            Money.Usd(allocations.Sum(a => a.SupportCostUsd)),
            Money.Usd(paidUsd - drawnUsd),
            pledges.Count(p => p.AmountUsd is null),
            payments.Count(p => p.AmountUsd is null));
        var allocatedTo = allocations.GroupBy(a => a.ProgrammeId)
            .Select(g => new ProgrammeShare(g.Key, Money.Usd(g.Sum(a => a.AmountUsd)), Money.Usd(g.Sum(a => a.SupportCostUsd))))
            .OrderByDescending(s => s.AllocatedUsd)
            .ToList();
        var inKindTotals = new InKindTotals(
            Money.Usd(inKind.Where(c => c.Kind == InKindKind.Goods).Sum(c => c.EstimatedValueUsd ?? 0m)),
            Money.Usd(inKind.Where(c => c.Kind == InKindKind.Services).Sum(c => c.EstimatedValueUsd ?? 0m)),
            inKind.Count(c => c.EstimatedValueUsd is null));
        return TypedResults.Ok(new DonorStatement(donor.Id, donor.Code, donor.Name, donor.Kind, byCurrency, usd, allocatedTo, inKindTotals));
    }

    private static decimal Outstanding(Pledge pledge) => Math.Max(0m, pledge.Amount - pledge.Payments.Sum(p => p.Amount));
}
