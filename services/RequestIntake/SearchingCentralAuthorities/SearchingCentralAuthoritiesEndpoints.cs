using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.RequestIntake.MaintainingCentralAuthorities;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.SearchingCentralAuthorities;

public sealed record AuthorityChangeView(DateTimeOffset ChangedAt, string ChangedBy, string Action, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// Staff and partners search the whole directory by State, kind and language. A State reads its own
/// entries (and their audit trail); another State's entries do not exist for it.
/// </summary>
public static class SearchingCentralAuthoritiesEndpoints
{
    public static IEndpointRouteBuilder MapSearchingCentralAuthorities(this IEndpointRouteBuilder app)
    {
        var authorities = app.MapGroup("/api/intake/central-authorities").WithTags("Central authorities");
        authorities.MapGet("", Search).RequireRoles(Roles.Staff, Roles.Partner, Roles.State);
        authorities.MapGet("/{id:guid}", Get).RequireRoles(Roles.Staff, Roles.Partner, Roles.State);
        authorities.MapGet("/{id:guid}/changes", Changes).RequireRoles(Roles.Staff, Roles.State);
        return app;
    }

    private static async Task<Results<Ok<List<AuthorityView>>, ValidationProblem>> Search(
        ClaimsPrincipal user, IntakeDb db, CancellationToken cancellationToken,
        string? stateCode = null, string? kind = null, string? language = null)
    {
        var validation = new Validation();
        if (stateCode is not null)
        {
            validation.MemberState(stateCode, "stateCode");
        }
        AuthorityKind parsedKind = default;
        if (kind is not null)
        {
            validation.Check(Enum.TryParse(kind, out parsedKind) && Enum.IsDefined(parsedKind), "kind",
                $"must be one of {string.Join(", ", Enum.GetNames<AuthorityKind>())}.");
        }
        if (language is not null)
        {
            validation.Check(language is { Length: 2 } && language.All(char.IsAsciiLetterLower), "language", "must be an ISO 639-1 code (two lower-case letters).");
        }
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = Visible(db, user.GetCaller());
        if (stateCode is not null)
        {
            query = query.Where(a => a.StateCode == stateCode);
        }
        if (kind is not null)
        {
            // An authority designated for both serves either search.
            var kinds = parsedKind is AuthorityKind.MutualLegalAssistance or AuthorityKind.Extradition ? new[] { parsedKind, AuthorityKind.Both } : [parsedKind];
            query = query.Where(a => kinds.Contains(a.Kind));
        }
        if (language is not null)
        {
            query = query.Where(a => a.Languages.Contains(language));
        }
        var found = await query.OrderBy(a => a.StateCode).ThenBy(a => a.Name).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(found.Select(AuthorityView.From).ToList());
    }

    private static async Task<Results<Ok<AuthorityView>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, IntakeDb db, CancellationToken cancellationToken) =>
        await Visible(db, user.GetCaller()).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } authority
            ? TypedResults.Ok(AuthorityView.From(authority))
            : Problem.NotFound("The central authority");

    private static async Task<Results<Ok<List<AuthorityChangeView>>, ProblemHttpResult>> Changes(
        Guid id, ClaimsPrincipal user, IntakeDb db, CancellationToken cancellationToken)
    {
        var caller = user.GetCaller();
        var changes = await db.AuthorityChanges.AsNoTracking()
            .Where(c => c.AuthorityId == id && (caller.IsStaff || c.StateCode == caller.Party))
            .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return changes.Count == 0
            ? Problem.NotFound("The central authority")
            : TypedResults.Ok(changes.Select(c => new AuthorityChangeView(c.ChangedAt, c.ChangedBy, c.Action, c.Changes)).ToList());
    }

    private static IQueryable<CentralAuthority> Visible(IntakeDb db, Caller caller) =>
        caller.IsState ? db.CentralAuthorities.AsNoTracking().Where(a => a.StateCode == caller.Party) : db.CentralAuthorities.AsNoTracking();
}
