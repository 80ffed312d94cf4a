using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Messaging.Idempotency;
using Programmes.PartnerCoordination.Persistence;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.PartnerCoordination.ManagingPartners;

public sealed record PartnerInterests([property: NotRequired] List<string>? ThematicAreas, [property: NotRequired] List<string>? StateCodes, [property: NotRequired] List<string>? RegionalGroups);

public sealed record RegisterPartner(string? Code, string? Name, string? Kind, [property: NotRequired] PartnerInterests? Interests)
{
    public bool TryValidate([NotNullWhen(true)] out Partner? partner, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        if (v.Required(Code, "code", 40))
        {
            v.Check(Code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-'), "code", "must use upper-case letters, digits and '-'.");
        }
        var name = v.Text(Name, "name", 300);
        var kind = v.Text(Kind, "kind", 200);
        ManagingPartnersEndpoints.Validate(Interests, v, "interests.");
        return v.Yields(new Partner { Code = Code ?? "", Name = name, Kind = kind }, out partner, out problem);
    }
}

public sealed record PartnerView(string Code, string Name, string Kind, IReadOnlyList<string> ThematicAreas,
    IReadOnlyList<string> StateCodes, IReadOnlyList<string> RegionalGroups, DateTimeOffset UpdatedAt)
{
    public static PartnerView From(Partner p) => new(p.Code, p.Name, p.Kind, p.ThematicAreas, p.StateCodes, p.RegionalGroups, p.UpdatedAt);
}

public static class ManagingPartnersEndpoints
{
    public static IEndpointRouteBuilder MapManagingPartners(this IEndpointRouteBuilder app)
    {
        var partners = app.MapGroup("/api/coordination/partners").WithTags("Partners");
        partners.MapGet("", List).RequireRoles(Roles.Staff, Roles.Partner);
        partners.MapGet("/{code}", Get).RequireRoles(Roles.Staff, Roles.Partner);
        partners.MapPost("", Register).RequireRoles(Roles.Staff).Idempotent(required: false);
        partners.MapPut("/{code}/interests", SetInterests).RequireRoles(Roles.Staff);
        return app;
    }

    private static async Task<Results<Ok<ListPage<PartnerView>>, ValidationProblem>> List(
        ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var caller = user.GetCaller();
        var query = db.Partners.AsNoTracking();
        if (!caller.IsStaff)
        {
            query = query.Where(p => p.Code == caller.Party);
        }
        var partners = await query.OrderBy(p => p.Code).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(partners.Select(PartnerView.From));
    }

    private static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> Get(string code, ClaimsPrincipal user, CoordinationDb db, CancellationToken cancellationToken)
    {
        var partner = user.GetCaller().CanActFor(code) ? await db.Partners.FindAsync([code], cancellationToken) : null;
        return partner is null ? Problem.NotFound("The partner") : TypedResults.Ok(PartnerView.From(partner));
    }

    private static async Task<Results<Created<PartnerView>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterPartner body, CoordinationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!body.TryValidate(out var partner, out var invalid))
        {
            return invalid;
        }
        if (await db.Partners.AnyAsync(p => p.Code == partner.Code, cancellationToken))
        {
            return Problem.Conflict($"A partner with code {partner.Code} is already registered.");
        }
        partner.UpdatedAt = clock.GetUtcNow();
        Apply(partner, body.Interests);
        db.Partners.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/coordination/partners/{partner.Code}", PartnerView.From(partner));
    }

    private static async Task<Results<Ok<PartnerView>, ValidationProblem, ProblemHttpResult>> SetInterests(
        string code, PartnerInterests body, CoordinationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        Validate(body, validation, "");
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        var partner = await db.Partners.FindAsync([code], cancellationToken);
        if (partner is null)
        {
            return Problem.NotFound("The partner");
        }
        Apply(partner, body);
        partner.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PartnerView.From(partner));
    }

    internal static void Validate(PartnerInterests? interests, Validation validation, string prefix)
    {
        validation.Codes(interests?.ThematicAreas, prefix + "thematicAreas", CodeLists.ThematicAreas, allowEmpty: true);
        validation.Codes(interests?.StateCodes, prefix + "stateCodes", CodeLists.MemberStates, allowEmpty: true, max: 193);
        validation.Codes(interests?.RegionalGroups, prefix + "regionalGroups", CodeLists.RegionalGroups, allowEmpty: true);
    }

    private static void Apply(Partner partner, PartnerInterests? interests)
    {
        partner.ThematicAreas = interests?.ThematicAreas ?? [];
        partner.StateCodes = interests?.StateCodes ?? [];
        partner.RegionalGroups = interests?.RegionalGroups ?? [];
    }
}
