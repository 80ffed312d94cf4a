using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;

namespace Programmes.Funding.ViewingFundingStatus;

public sealed record DonorShare(Guid DonorId, string DonorCode, string DonorName, FundingSource Source, decimal AllocatedUsd, decimal SupportCostUsd);

public sealed record AllocationView(Guid Id, int Ordinal, Guid DonorId, Guid PaymentId, FundingSource Source, Earmarking Step, decimal AmountUsd, decimal SupportCostUsd,
    decimal ReleasedUsd, DateTimeOffset AllocatedAt);

public sealed record FundingStatus(Guid ProgrammeId, IReadOnlyList<string> StateCodes, IReadOnlyList<string> ThematicAreas, decimal BudgetUsd,
    decimal AllocatedUsd, decimal SupportCostUsd, decimal GapUsd, bool FullyFunded, IReadOnlyList<DonorShare> ByDonor, IReadOnlyList<AllocationView> Allocations);

public sealed record FundingGap(Guid ProgrammeId, IReadOnlyList<string> StateCodes, IReadOnlyList<string> ThematicAreas, decimal BudgetUsd, decimal AllocatedUsd, decimal GapUsd);

public static class ViewingFundingStatusEndpoint
{
    public static IEndpointRouteBuilder MapViewingFundingStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/funding/programmes/{programmeId:guid}", Status).RequireRoles(Roles.Staff).WithTags("Funding status");
        app.MapGet("/api/funding/funding-gaps", Gaps).RequireRoles(Roles.Staff).WithTags("Funding status");
        return app;
    }

    private static async Task<Results<Ok<FundingStatus>, ProblemHttpResult>> Status(Guid programmeId, FundingDb db, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.ProgrammeId == programmeId, cancellationToken);
        if (programme is null)
        {
            return Problem.NotFound("The programme's budget");
        }
        var allocations = await db.Allocations.AsNoTracking().Include(a => a.Donor)
            .Where(a => a.ProgrammeId == programmeId)
            .OrderBy(a => a.Ordinal)
            .ToListAsync(cancellationToken);
        var byDonor = allocations.Where(a => a.AmountUsd > 0m)
            .GroupBy(a => a.DonorId)
            .Select(g => new DonorShare(g.Key, g.First().Donor.Code, g.First().Donor.Name, g.First().Source, Money.Usd(g.Sum(a => a.AmountUsd)), Money.Usd(g.Sum(a => a.SupportCostUsd))))
            .OrderByDescending(s => s.AllocatedUsd)
            .ToList();
        return TypedResults.Ok(new FundingStatus(programme.ProgrammeId, programme.StateCodes, programme.ThematicAreas, Money.Usd(programme.BudgetUsd),
            Money.Usd(programme.AllocatedUsd), Money.Usd(programme.SupportCostUsd), Money.Usd(programme.GapUsd), programme.FullyFunded, byDonor,
            allocations.Select(a => new AllocationView(a.Id, a.Ordinal, a.DonorId, a.PaymentId, a.Source, a.Step, Money.Usd(a.AmountUsd),
                Money.Usd(a.SupportCostUsd), Money.Usd(a.ReleasedUsd), a.AllocatedAt)).ToList()));
    }

    /// <summary>Programmes still short of money, the largest gap first.</summary>
    private static async Task<Results<Ok<ListPage<FundingGap>>, ValidationProblem>> Gaps(
        FundingDb db, CancellationToken cancellationToken, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        // Budget above allocations is what AllocationRules.IsCovered calls a gap, said in SQL so the count and pages agree.
        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => !p.FullyFunded && p.BudgetUsd > p.AllocatedUsd)
            .OrderByDescending(p => p.BudgetUsd - p.AllocatedUsd).ThenBy(p => p.FirstBudgetedAt).ThenBy(p => p.ProgrammeId)
            .ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(programmes
            .Select(p => new FundingGap(p.ProgrammeId, p.StateCodes, p.ThematicAreas, Money.Usd(p.BudgetUsd), Money.Usd(p.AllocatedUsd), Money.Usd(p.GapUsd))));
    }
}
