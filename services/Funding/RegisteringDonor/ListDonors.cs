using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.Funding.RegisteringDonor;

public static class ViewingDonorsEndpoint
{
    public static IEndpointRouteBuilder MapViewingDonors(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/funding/donors", List).RequireRoles(Roles.Staff, Roles.Donor).WithTags("Donors");
        app.MapGet("/api/funding/donors/{id:guid}", Get).RequireRoles(Roles.Staff, Roles.Donor).WithTags("Donors");
        return app;
    }

    /// <summary>Staff see every donor (or the one with <paramref name="code"/>, which the gateway asks before registering a donor client); a donor sees its own record only.</summary>
    private static async Task<Results<Ok<ListPage<DonorView>>, ValidationProblem>> List(
        ClaimsPrincipal user, FundingDb db, CancellationToken cancellationToken, string? code = null, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var caller = user.GetCaller();
        var donors = await db.Donors.AsNoTracking()
            .Where(d => caller.IsStaff || (d.Code == caller.Party && d.Kind != DonorKind.RegularBudget))
            .Where(d => code == null || d.Code == code)
            .OrderBy(d => d.Code).ThenBy(d => d.Id)
            .ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(donors.Select(DonorView.From));
    }

    private static async Task<Results<Ok<DonorView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, FundingDb db, CancellationToken cancellationToken)
    {
        var donor = await db.Donors.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return donor is not null && user.GetCaller().MayActFor(donor)
            ? TypedResults.Ok(DonorView.From(donor))
            : Problem.NotFound("The donor");
    }
}
