using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Programmes.ServiceDefaults;

namespace Programmes.Auditing;

public sealed record AuditActorView(string ClientId, string Role, string Party);

public sealed record AuditEntryView(
    Guid Id, DateTimeOffset At, AuditActorView Actor, string Action, string ObjectType, string ObjectId,
    JsonElement? Before, JsonElement? After, string? TraceId);

/// <summary>
/// A service's audit trail, newest first, filtered by object, actor, action and time, in pages. Staff read
/// every entry; anyone else only the entries on its own objects. Asked about one object of which it may read
/// nothing, a caller gets 404, as for the object itself.
/// </summary>
public static class AuditReading
{
    public static RouteHandlerBuilder MapAuditTrail<TDbContext>(this IEndpointRouteBuilder app, string path, params string[] roles)
        where TDbContext : DbContext =>
        app.MapGet(path, Handle<TDbContext>).RequireRoles([Roles.Staff, .. roles]).WithTags("Audit")
            .WithSummary("Who changed what, when, and from what to what")
            .WithDescription("Every change of state this service made, one entry per changed object: the actor (client id, role, "
                + "party; for a consumed event the producing service), the action, the object, its meaningful values before and "
                + "after (amounts with their currency, statuses) and the W3C trace id. Entries are never changed or deleted. "
                + "Staff read everything; a State, donor or partner reads the entries on its own objects.");

    private static async Task<Results<Ok<ListPage<AuditEntryView>>, ValidationProblem, ProblemHttpResult>> Handle<TDbContext>(
        ClaimsPrincipal user, TDbContext db, CancellationToken cancellationToken,
        string? objectType = null, string? objectId = null, string? actor = null, string? action = null,
        string? from = null, string? to = null, string? page = null, string? pageSize = null)
        where TDbContext : DbContext
    {
        var validation = new Validation();
        validation.Optional(objectType, "objectType", 50);
        validation.Optional(objectId, "objectId", 200);
        validation.Optional(actor, "actor", 200);
        validation.Optional(action, "action", 100);
        var since = Time(validation, from, "from");
        var until = Time(validation, to, "to");
        validation.Check(since is null || until is null || until >= since, "to", "must not be before from.");
        var paging = Paging.Read(validation, page, pageSize);
        if (!validation.Passes(out var invalid))
        {
            return invalid;
        }

        var caller = user.GetCaller();
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!caller.IsStaff)
        {
            // Array overlap (&&), which the GIN index on readers serves.
            var mine = new List<string> { AuditReaders.Of(caller.Role, caller.Party) };
            query = query.Where(e => e.Readers.Any(r => mine.Contains(r)));
        }
        query = objectType is null ? query : query.Where(e => e.ObjectType == objectType);
        query = objectId is null ? query : query.Where(e => e.ObjectId == objectId);
        query = actor is null ? query : query.Where(e => e.ActorClientId == actor);
        query = action is null ? query : query.Where(e => e.Action == action);
        query = since is null ? query : query.Where(e => e.At >= since);
        query = until is null ? query : query.Where(e => e.At <= until);

        var entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToPageAsync(paging, cancellationToken);
        if (entries.Total == 0 && objectId is not null && !caller.IsStaff)
        {
            return Problem.NotFound("The object");
        }
        return TypedResults.Ok(entries.Select(View));
    }

    private static AuditEntryView View(AuditEntry e) => new(
        e.Id, e.At, new AuditActorView(e.ActorClientId, e.ActorRole, e.ActorParty), e.Action, e.ObjectType, e.ObjectId,
        Parse(e.Before), Parse(e.After), e.TraceId);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    private static DateTimeOffset? Time(Validation validation, string? value, string field)
    {
        if (value is null)
        {
            return null;
        }
        var ok = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time);
        validation.Check(ok, field, "must be a UTC time or date in ISO 8601 (2026-11-29T17:00:00Z, 2026-11-29).");
        return ok ? time : null;
    }
}
