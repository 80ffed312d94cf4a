using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Programmes.Gateway.Persistence;
using Programmes.ServiceDefaults;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Programmes.Gateway.Clients;

/// <summary>What the gateway knows about a client beyond OpenIddict's own fields.</summary>
public sealed record ClientProfile(string ClientId, string Role, string Party, string? DisplayName, bool Revoked);

/// <summary>
/// Registers API clients (OpenIddict applications; secrets are stored hashed by OpenIddict) with their
/// role and the party they act for, kept as application properties.
/// </summary>
public sealed class ClientRegistry(IOpenIddictApplicationManager applications, GatewayDb db)
{
    private const string RoleProperty = "role";
    private const string PartyProperty = "party";
    private const string RevokedProperty = "revoked";

    public async Task<bool> ExistsAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is not null;

    public async Task RegisterAsync(string clientId, string secret, string role, string party, string? displayName, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Properties[RoleProperty] = JsonSerializer.SerializeToElement(role);
        descriptor.Properties[PartyProperty] = JsonSerializer.SerializeToElement(party);
        await applications.CreateAsync(descriptor, cancellationToken);
    }

    public async Task<ClientProfile?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return null;
        }
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        return new ClientProfile(
            clientId,
            Read(properties, RoleProperty) ?? "",
            Read(properties, PartyProperty) ?? "",
            await applications.GetDisplayNameAsync(application, cancellationToken),
            Read(properties, RevokedProperty) == "true");
    }

    /// <summary>
    /// True when the client exists and is not revoked, read from the database itself (not OpenIddict's
    /// per-instance entity cache) so that every gateway instance sees a revocation.
    /// </summary>
    public async Task<bool> IsActiveAsync(string clientId, CancellationToken cancellationToken)
    {
        var found = await db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
            .Where(a => a.ClientId == clientId)
            .Select(a => new { a.Properties })
            .ToListAsync(cancellationToken);
        if (found is not [{ Properties: var properties }])
        {
            return false;
        }
        if (string.IsNullOrEmpty(properties))
        {
            return true;
        }
        using var document = JsonDocument.Parse(properties);
        return !(document.RootElement.TryGetProperty(RevokedProperty, out var revoked)
            && revoked.ValueKind == JsonValueKind.String && revoked.GetString() == "true");
    }

    public async Task<IReadOnlyList<ClientProfile>> ListAsync(CancellationToken cancellationToken)
    {
        var profiles = new List<ClientProfile>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var clientId = await applications.GetClientIdAsync(application, cancellationToken);
            if (clientId is not null && await FindAsync(clientId, cancellationToken) is { } profile)
            {
                profiles.Add(profile);
            }
        }
        return profiles;
    }

    /// <summary>Replaces the client's secret; the old one stops working at once.</summary>
    public async Task<bool> RotateSecretAsync(string clientId, string newSecret, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return false;
        }
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.ClientSecret = newSecret;
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return true;
    }

    /// <summary>Revokes the client: no new tokens, and the gateway refuses the tokens it already holds.</summary>
    public async Task<bool> RevokeAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return false;
        }
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.Properties[RevokedProperty] = JsonSerializer.SerializeToElement("true");
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return true;
    }

    public static bool IsKnownRole(string? role) => role is not null && Roles.All.Contains(role);

    private static string? Read(ImmutableDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
