using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.Messaging.Idempotency;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.Funding.RegisteringDonor;

public sealed record DonorContact([property: NotRequired] string? Name, [property: NotRequired] string? Email);

public sealed record RegisterDonor(string? Code, string? Name, DonorKind? Kind, [property: NotRequired] string? StateCode, [property: NotRequired] string? IatiIdentifier,
    [property: NotRequired] DonorContact? Contact, [property: NotRequired] List<string>? AgreementReferences);

public sealed record DonorView(Guid Id, string Code, string Name, DonorKind Kind, string? StateCode, string? IatiIdentifier,
    DonorContact Contact, IReadOnlyList<string> AgreementReferences, DateTimeOffset RegisteredAt)
{
    public static DonorView From(Donor d) => new(d.Id, d.Code, d.Name, d.Kind, d.StateCode, d.IatiIdentifier,
        new DonorContact(d.ContactName, d.ContactEmail), d.AgreementReferences, d.RegisteredAt);
}

public static partial class RegisteringDonorEndpoint
{
    public static IEndpointRouteBuilder MapRegisteringDonor(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/funding/donors", Handle).RequireRoles(Roles.Staff).Idempotent().WithTags("Donors");
        return app;
    }

    private static async Task<Results<Created<DonorView>, ValidationProblem, ProblemHttpResult>> Handle(
        RegisterDonor body, FundingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (validation.Required(body.Code, "code", 50))
        {
            validation.Check(CodePattern().IsMatch(body.Code!), "code", "must be capital letters, digits and hyphens, e.g. DONOR-NOR.");
        }
        validation.Required(body.Name, "name", 200);
        if (validation.Check(body.Kind is not null, "kind", "is required."))
        {
            validation.Check(body.Kind != DonorKind.RegularBudget, "kind", "the regular budget is already a source; register Member States, intergovernmental organisations or private donors.");
        }
        if (body.Kind == DonorKind.MemberState || body.StateCode is not null)
        {
            validation.MemberState(body.StateCode, "stateCode");
        }
        ValidateDetails(validation, body.IatiIdentifier, body.Contact, body.AgreementReferences);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        if (await db.Donors.AnyAsync(d => d.Code == body.Code, cancellationToken))
        {
            return Problem.Conflict($"A donor with code {body.Code} is already registered.");
        }

        var now = clock.GetUtcNow();
        var donor = new Donor
        {
            Id = Guid.CreateVersion7(now),
            Code = body.Code!,
            Name = body.Name!,
            Kind = body.Kind!.Value,
            StateCode = body.StateCode,
            IatiIdentifier = body.IatiIdentifier,
            ContactName = body.Contact?.Name,
            ContactEmail = body.Contact?.Email,
            AgreementReferences = body.AgreementReferences ?? [],
            RegisteredAt = now,
        };
        Telemetry.Tag(Telemetry.Attributes.DonorId, donor.Id);
        db.Donors.Add(donor);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/funding/donors/{donor.Id}", DonorView.From(donor));
    }

    internal static void ValidateDetails(Validation validation, string? iatiIdentifier, DonorContact? contact, List<string>? agreementReferences)
    {
        validation.Optional(iatiIdentifier, "iatiIdentifier", 100);
        validation.Optional(contact?.Name, "contact.name", 200);
        if (validation.Optional(contact?.Email, "contact.email", 254) && contact?.Email is { } email)
        {
            validation.Check(email.Contains('@', StringComparison.Ordinal), "contact.email", "is not an e-mail address.");
        }
        var references = agreementReferences ?? [];
        validation.Check(references.Count <= 50, "agreementReferences", "must name at most 50 agreements.");
        for (var i = 0; i < references.Count; i++)
        {
            validation.Required(references[i], $"agreementReferences[{i}]", 100);
        }
    }

    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$")]
    private static partial Regex CodePattern();
}
