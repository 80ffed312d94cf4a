using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Programmes.Gateway.Persistence;

namespace Programmes.Gateway.AdministeringClients;

public sealed record AuditEntryView(DateTimeOffset At, string Actor, string Action, string ClientId, string? Detail);

/// <summary>Who changed a client, when, and how; newest first.</summary>
internal static class ReadingAudit
{
    public static void MapReadingAudit(this RouteGroupBuilder clients) => clients.MapGet("/{clientId}/audit", Handle);

    private static async Task<Ok<AuditEntryView[]>> Handle(string clientId, GatewayDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.ClientAudit.AsNoTracking()
            .Where(e => e.ClientId == clientId)
            .OrderByDescending(e => e.Id)
            .Select(e => new AuditEntryView(e.At, e.Actor, e.Action, e.ClientId, e.Detail))
            .ToArrayAsync(cancellationToken));
}
