using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Auditing;
using Programmes.RequestIntake.MaintainingCentralAuthorities;
using Programmes.RequestIntake.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.SearchingCentralAuthorities;

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

    private static async Task<Results<Ok<ListPage<AuthorityView>>, ValidationProblem>> Search(
        ClaimsPrincipal user, IntakeDb db, CancellationToken cancellationToken,
        string? stateCode = null, string? kind = null, string? language = null, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
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
        if (!validation.Passes(out var invalid))
        {
            return invalid;
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
        var found = await query.OrderBy(a => a.StateCode).ThenBy(a => a.Name).ThenBy(a => a.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(found.Select(AuthorityView.From));
    }

    private static async Task<Results<Ok<AuthorityView>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, IntakeDb db, CancellationToken cancellationToken) =>
        await Visible(db, user.GetCaller()).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } authority
            ? TypedResults.Ok(AuthorityView.From(authority))
            : Problem.NotFound("The central authority");

    private static async Task<Results<Ok<ListPage<AuthorityChangeView>>, ValidationProblem, ProblemHttpResult>> Changes(
        Guid id, ClaimsPrincipal user, IntakeDb db, CancellationToken cancellationToken, string? page = null, string? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }
        // The directory's own view of the audit trail (the same entries GET /api/intake/audit serves).
        var caller = user.GetCaller();
        var objectId = id.ToString();
        var mine = new List<string> { AuditReaders.Of(caller.Role, caller.Party) };
        var entries = await db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.ObjectType == IntakeAudit.CentralAuthority && e.ObjectId == objectId)
            .Where(e => caller.IsStaff || e.Readers.Any(r => mine.Contains(r)))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToPageAsync(paging, cancellationToken);
        return entries.Total == 0
            ? Problem.NotFound("The central authority")
            : TypedResults.Ok(entries.Select(AuthorityChangeView.From));
    }

    private static IQueryable<CentralAuthority> Visible(IntakeDb db, Caller caller) =>
        caller.IsState ? db.CentralAuthorities.AsNoTracking().Where(a => a.StateCode == caller.Party) : db.CentralAuthorities.AsNoTracking();
}
