using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.Funding.RegisteringDonor;

public sealed record UpdateDonor(string? Name, [property: NotRequired] string? IatiIdentifier, [property: NotRequired] DonorContact? Contact, [property: NotRequired] List<string>? AgreementReferences);

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
        var validation = new Validation();
        validation.Required(body.Name, "name", 200);
        RegisteringDonorEndpoint.ValidateDetails(validation, body.IatiIdentifier, body.Contact, body.AgreementReferences);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var donor = await db.Donors.FindAsync([id], cancellationToken);
        if (donor is null)
        {
            return Problem.NotFound("The donor");
        }
        donor.Name = body.Name!;
        donor.IatiIdentifier = body.IatiIdentifier;
        donor.ContactName = body.Contact?.Name;
        donor.ContactEmail = body.Contact?.Email;
        donor.AgreementReferences = body.AgreementReferences ?? [];
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(DonorView.From(donor));
    }
}
