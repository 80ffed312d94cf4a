using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Auditing;
using Programmes.Gateway.Persistence;

namespace Programmes.Gateway.AdministeringClients;

public sealed record AuditEntryView(DateTimeOffset At, string Actor, string Action, string ClientId, string? Detail, string? TraceId);

/// <summary>Who changed a client, when, and how; newest first. The entries are the client's on the shared audit trail.</summary>
internal static class ReadingAudit
{
    public static void MapReadingAudit(this RouteGroupBuilder clients) => clients.MapGet("/{clientId}/audit", Handle);

    private static async Task<Ok<AuditEntryView[]>> Handle(string clientId, GatewayDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Of(db, ClientAdministration.AuditObject, clientId)
            .Select(e => new AuditEntryView(e.At, e.ActorClientId, e.Action, e.ObjectId, e.After, e.TraceId))
            .ToArrayAsync(cancellationToken));

    /// <summary>An object's entries on the gateway's audit trail, newest first.</summary>
    public static IQueryable<AuditEntry> Of(GatewayDb db, string objectType, string objectId) => db.Set<AuditEntry>().AsNoTracking()
        .Where(e => e.ObjectType == objectType && e.ObjectId == objectId)
        .OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
}
