using System.Security.Cryptography;
using Programmes.Auditing;
using Programmes.Gateway.Clients;
using Programmes.Gateway.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.Gateway.AdministeringClients;

/// <summary>The staff-only admin API for API clients; every change is audited in the gateway's database.</summary>
public static class ClientAdministration
{
    public const string Prefix = "/api/gateway/clients";

    public static IEndpointRouteBuilder MapClientAdministration(this IEndpointRouteBuilder app)
    {
        var clients = app.MapGroup(Prefix).RequireRoles(Roles.Staff).WithTags("Clients");
        clients.MapListingClients();
        clients.MapRegisteringClient();
        clients.MapRotatingSecret();
        clients.MapRevokingClient();
        clients.MapReadingAudit();
        return app;
    }

    /// <summary>The view of a client the admin API returns; never carries the secret (only registering and rotating do, once).</summary>
    public sealed record ClientView(string ClientId, string Role, string Party, string? DisplayName, string Status)
    {
        public static ClientView Of(ClientProfile profile) =>
            new(profile.ClientId, profile.Role, profile.Party, profile.DisplayName, profile.Revoked ? "Revoked" : "Active");
    }

    /// <summary>256 random bits, URL-safe: shown to the caller once, stored only hashed.</summary>
    internal static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Clients are OpenIddict's entities, saved by its stores, so their changes are recorded explicitly on the
    /// shared audit trail (staff only: no reader besides staff). The actor is the calling staff client.
    /// </summary>
    internal static void Audit(this GatewayDb db, string action, string clientId, object? after = null) =>
        db.AddAudit(action, AuditObject, clientId, before: null, after);

    internal const string AuditObject = "client";
}
