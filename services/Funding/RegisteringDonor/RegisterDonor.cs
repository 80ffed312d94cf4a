using System.Diagnostics.CodeAnalysis;
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
    [property: NotRequired] DonorContact? Contact, [property: NotRequired] List<string>? AgreementReferences)
{
    /// <summary>The donor to register once every field is valid; the placeholders for missing values never leave Yields.</summary>
    public bool TryValidate(DateTimeOffset now, [NotNullWhen(true)] out Donor? donor, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        if (v.Required(Code, "code", 50))
        {
            v.Check(RegisteringDonorEndpoint.IsCode(Code), "code", "must be capital letters, digits and hyphens, e.g. DONOR-NOR.");
        }
        var name = v.Text(Name, "name", 200);
        var kind = v.Present(Kind, "kind");
        if (Kind is not null)
        {
            v.Check(kind != DonorKind.RegularBudget, "kind", "the regular budget is already a source; register Member States, intergovernmental organisations or private donors.");
        }
        if (Kind == DonorKind.MemberState || StateCode is not null)
        {
            v.MemberState(StateCode, "stateCode");
        }
        RegisteringDonorEndpoint.ValidateDetails(v, IatiIdentifier, Contact, AgreementReferences);
        var candidate = new Donor
        {
            Id = Guid.CreateVersion7(now),
            Code = Code ?? "",
            Name = name,
            Kind = kind,
            StateCode = StateCode,
            IatiIdentifier = IatiIdentifier,
            ContactName = Contact?.Name,
            ContactEmail = Contact?.Email,
            AgreementReferences = AgreementReferences ?? [],
            RegisteredAt = now,
        };
        return v.Yields(candidate, out donor, out problem);
    }
}

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
        if (!body.TryValidate(clock.GetUtcNow(), out var donor, out var invalid))
        {
            return invalid;
        }
        if (await db.Donors.AnyAsync(d => d.Code == donor.Code, cancellationToken))
        {
            return Problem.Conflict($"A donor with code {donor.Code} is already registered.");
        }

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

    internal static bool IsCode(string code) => CodePattern().IsMatch(code);

    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$")]
    private static partial Regex CodePattern();
}
