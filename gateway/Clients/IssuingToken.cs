using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Programmes.Gateway.People;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Programmes.Gateway.Clients;

/// <summary>
/// The token endpoint: the OAuth 2.0 client-credentials grant for API clients, and the code and refresh grants of
/// the console for people (<see cref="People.PersonTokens"/>). OpenIddict has already checked the client id and secret;
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
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            return await PersonTokens.RedeemAsync(context);
        }
        if (!request.IsClientCredentialsGrantType())
        {
            return Reject(Errors.UnsupportedGrantType, "The grant type is not supported.");
        }

        var client = await registry.FindAsync(request.ClientId!, context.RequestAborted);
        if (client is null || client.Revoked || !ClientRegistry.IsKnownRole(client.Role))
        {
            return Reject(Errors.InvalidClient, "The client is unknown or revoked.");
        }

        var identity = CallerClaims.For(client.ClientId, client.ClientId, client.Role, client.Party);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static IResult Reject(string error, string description) => Results.Forbid(
        authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme],
        properties: new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }));
}
