using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Programmes.Gateway.People;

/// <summary>
/// The console as an OpenID Connect client: confidential, authorization code with PKCE, refresh tokens and
/// end session, redirecting only to its own addresses on the public origin. Registered (or brought up to date
/// with the configuration) at every start, like the demo clients.
/// </summary>
internal static class ConsoleClient
{
    public const string DevelopmentSecret = "console-dev-secret";

    public static OpenIddictApplicationDescriptor Describe(IConfiguration configuration)
    {
        var origin = new Uri(configuration["Auth:Authority"]!);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = configuration["Console:ClientId"] ?? "console",
            ClientSecret = configuration["Console:ClientSecret"] ?? DevelopmentSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Programmes console",
            RedirectUris = { new Uri(origin, configuration["Console:RedirectUri"] ?? "signin-oidc") },
            PostLogoutRedirectUris = { new Uri(origin, configuration["Console:PostLogoutRedirectUri"] ?? "signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        return descriptor;
    }

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = Describe(scope.ServiceProvider.GetRequiredService<IConfiguration>());
        try
        {
            if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
            else
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Another gateway instance may have registered or updated it at the same moment, from the same configuration.
            if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is null)
            {
                throw;
            }
        }
    }
}
