using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.ProgrammePlanning.FundingProgramme;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.ExportingIati;

/// <summary>
/// The IATI 2.03 export (operative paragraph 19): every programme past drafting, or one of them. Drafts are
/// internal and never published.
/// </summary>
public static class IatiExportEndpoint
{
    public static IEndpointRouteBuilder MapExportingIati(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/planning/iati/activities", Handle).RequireRoles(Roles.Staff).WithTags("Reports");
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Handle(
        Guid? programmeId, PlanningDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var programmes = await db.Programmes.AsNoTracking().Include(p => p.Activities)
            .Where(p => p.Status != ProgrammeStatus.Draft && (programmeId == null || p.Id == programmeId))
            .OrderBy(p => p.CreatedAt)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (programmes.Count == 0)
        {
            // An iati-activities document must hold at least one activity.
            return Problem.NotFound(programmeId is null ? "A programme to export" : "The programme");
        }
        var ids = programmes.Select(p => p.Id).ToList();
        var funding = (await db.FundingMovements.AsNoTracking().Where(m => ids.Contains(m.ProgrammeId)).ToListAsync(cancellationToken))
            .ToLookup(m => m.ProgrammeId);
        var pledges = await db.DonorContributions.AsNoTracking()
            .Where(c => c.Kind == DonorContributionKind.Pledge && c.ProgrammeId != null && ids.Contains(c.ProgrammeId.Value)).ToListAsync(cancellationToken);
        var pledgeIds = pledges.Select(c => c.Id).ToList();
        var payments = await db.DonorContributions.AsNoTracking()
            .Where(c => c.Kind == DonorContributionKind.Payment && pledgeIds.Contains(c.PledgeId)).ToListAsync(cancellationToken);
        var programmeOf = pledges.ToDictionary(c => c.Id, c => c.ProgrammeId!.Value);
        var contributions = pledges.Concat(payments).ToLookup(c => programmeOf[c.PledgeId]);
        var document = IatiExport.Write(programmes, funding, contributions, clock.GetUtcNow());
        return TypedResults.Text(document.Declaration + "\n" + document.ToString(), "application/xml; charset=utf-8", Encoding.UTF8);
    }
}
