using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.Funding.RegisteringDonor;

public sealed record UpdateDonor(string? Name, [property: NotRequired] string? IatiIdentifier, [property: NotRequired] DonorContact? Contact, [property: NotRequired] List<string>? AgreementReferences)
{
    public bool TryValidate([NotNullWhen(true)] out DonorDetails? details, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        var name = v.Text(Name, "name", 200);
        RegisteringDonorEndpoint.ValidateDetails(v, IatiIdentifier, Contact, AgreementReferences);
        return v.Yields(new DonorDetails(name, IatiIdentifier, Contact, AgreementReferences ?? []), out details, out problem);
    }
}

public sealed record DonorDetails(string Name, string? IatiIdentifier, DonorContact? Contact, List<string> AgreementReferences);

public static class UpdatingDonorEndpoint
{
    public static IEndpointRouteBuilder MapUpdatingDonor(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/funding/donors/{id:guid}", Handle).RequireRoles(Roles.Staff).WithTags("Donors");
        return app;
    }

    /// <summary>Replaces the donor's name, identifiers, contact and agreements; code and kind never change.</summary>
    private static async Task<Results<Ok<DonorView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, UpdateDonor body, FundingDb db, CancellationToken cancellationToken)
    {
        if (!body.TryValidate(out var details, out var problem))
        {
            return problem;
        }
        var donor = await db.Donors.FindAsync([id], cancellationToken);
        if (donor is null)
        {
            return Problem.NotFound("The donor");
        }
        donor.Name = details.Name;
        donor.IatiIdentifier = details.IatiIdentifier;
        donor.ContactName = details.Contact?.Name;
        donor.ContactEmail = details.Contact?.Email;
        donor.AgreementReferences = details.AgreementReferences;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(DonorView.From(donor));
    }
}
