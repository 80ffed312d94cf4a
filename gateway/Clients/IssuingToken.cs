using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Programmes.ServiceDefaults;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Programmes.Gateway.Clients;

/// <summary>
/// The OAuth 2.0 client-credentials grant. OpenIddict has already checked the client id and secret;
/// this adds who the client is (role, party) to a short-lived access token for every service.
/// </summary>
public static class IssuingTokenEndpoint
{
    public static IEndpointRouteBuilder MapIssuingToken(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", Handle).ExcludeFromDescription().DisableRateLimiting();
        return app;
    }

    private static async Task<IResult> Handle(HttpContext context, ClientRegistry registry)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        if (!request.IsClientCredentialsGrantType())
        {
            return Reject(Errors.UnsupportedGrantType, "Only the client_credentials grant is supported.");
        }

        var client = await registry.FindAsync(request.ClientId!, context.RequestAborted);
        if (client is null || client.Revoked || !ClientRegistry.IsKnownRole(client.Role))
        {
            return Reject(Errors.InvalidClient, "The client is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, ProgrammesClaims.ClientId, ProgrammesClaims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId);
        identity.SetClaim(ProgrammesClaims.ClientId, client.ClientId);
        identity.SetClaim(ProgrammesClaims.Role, client.Role);
        identity.SetClaim(ProgrammesClaims.Party, client.Party);
        identity.SetResources(ProgrammesClaims.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Reject(string error, string description) => Results.Forbid(
        authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme],
        properties: new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }));
}
