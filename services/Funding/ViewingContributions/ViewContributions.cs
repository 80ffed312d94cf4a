using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.Funding.ViewingContributions;

/// <summary>A donor reads its own pledges (with their payments) and in-kind support; another donor's read as not found.</summary>
public static class ViewingContributionsEndpoint
{
    public static IEndpointRouteBuilder MapViewingContributions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/funding").RequireRoles(Roles.Donor, Roles.Staff).WithTags("Contributions");
        group.MapGet("/pledges/{id:guid}", GetPledge);
        group.MapGet("/pledges", ListPledges);
        group.MapGet("/pledges/{id:guid}/payments/{paymentId:guid}", GetPayment);
        group.MapGet("/in-kind/{id:guid}", GetInKind);
        return app;
    }

    private static async Task<Results<Ok<PledgeView>, ProblemHttpResult>> GetPledge(Guid id, ClaimsPrincipal user, FundingDb db, CancellationToken cancellationToken)
    {
        var pledge = await db.Pledges.AsNoTracking().Include(p => p.Donor).Include(p => p.Payments)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return pledge is not null && user.GetCaller().MayActFor(pledge.Donor)
            ? TypedResults.Ok(PledgeView.From(pledge))
            : Problem.NotFound("The pledge");
    }

    /// <summary>Newest first, in pages; a donor sees only its own, staff filter by donor.</summary>
    private static async Task<Results<Ok<ListPage<PledgeView>>, ValidationProblem>> ListPledges(
        Guid? donorId, ClaimsPrincipal user, FundingDb db, CancellationToken cancellationToken, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var caller = user.GetCaller();
        var pledges = await db.Pledges.AsNoTracking().Include(p => p.Donor).Include(p => p.Payments)
            .Where(p => caller.IsStaff ? donorId == null || p.DonorId == donorId : p.Donor.Code == caller.Party)
            .OrderByDescending(p => p.RecordedAt).ThenByDescending(p => p.Id)
            .ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(pledges.Select(PledgeView.From));
    }

    /// <summary>The payment a 201's Location names.</summary>
    private static async Task<Results<Ok<PaymentView>, ProblemHttpResult>> GetPayment(Guid id, Guid paymentId, ClaimsPrincipal user, FundingDb db, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().Include(p => p.Pledge).ThenInclude(p => p.Donor)
            .SingleOrDefaultAsync(p => p.Id == paymentId && p.PledgeId == id, cancellationToken);
        return payment is not null && user.GetCaller().MayActFor(payment.Pledge.Donor)
            ? TypedResults.Ok(PaymentView.From(payment))
            : Problem.NotFound("The payment");
    }

    private static async Task<Results<Ok<InKindView>, ProblemHttpResult>> GetInKind(Guid id, ClaimsPrincipal user, FundingDb db, CancellationToken cancellationToken)
    {
        var contribution = await db.InKindContributions.AsNoTracking().Include(c => c.Donor).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return contribution is not null && user.GetCaller().MayActFor(contribution.Donor)
            ? TypedResults.Ok(InKindView.From(contribution))
            : Problem.NotFound("The in-kind contribution");
    }
}
