using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Programmes.Gateway.Clients;
using Programmes.ServiceDefaults;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Programmes.Gateway.People;

/// <summary>
/// The console's side of OpenIddict: the authorization endpoint (code flow with PKCE) hands a code to a person who
/// has signed in on the gateway's pages; the token endpoint redeems it, and later refresh tokens, for tokens that
/// carry the same claims as an API client's (<see cref="CallerClaims"/>); the end-session endpoint signs out.
/// </summary>
public static class PersonTokens
{
    private static readonly string[] Granted = [Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess];

    public static IEndpointRouteBuilder MapPersonTokens(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeAsync).ExcludeFromDescription().DisableRateLimiting();
        app.MapMethods("/connect/endsession", ["GET", "POST"], EndSessionAsync).ExcludeFromDescription().DisableRateLimiting();
        return app;
    }

    /// <summary>The identity of a person's tokens: a client's claims with the person's name, and a display name.</summary>
    public static ClaimsIdentity IdentityOf(GatewayUser user, string clientId, IEnumerable<string> scopes)
    {
        var identity = CallerClaims.For(user.UserName!, clientId, user.Role, user.Party);
        identity.SetClaim(Claims.Name, user.DisplayName ?? user.UserName);
        identity.SetScopes(scopes.Intersect(Granted));
        identity.SetDestinations(claim => claim.Type is Claims.Subject or Claims.Name or ProgrammesClaims.Role or ProgrammesClaims.Party
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return identity;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<GatewayUser> users)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        var user = await Sessions.CurrentUserAsync(context, users);
        if (user is null || user.Status != UserStatus.Active || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The person is not signed in.");
            }
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.Redirect(AccountPaths.SignInFor(returnUrl, request.UiLocales));
        }
        if (user.RequiresSecondFactor && !user.TwoFactorEnabled)
        {
            return Results.Redirect(AccountPaths.With(AccountPaths.Enrol, returnUrl));
        }
        return Results.SignIn(new ClaimsPrincipal(IdentityOf(user, request.ClientId!, request.GetScopes())),
            authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Redeems a code or a refresh token: the person is read again, so a disabled person (or one whose role changed)
    /// gets no new token from an old grant.
    /// </summary>
    public static async Task<IResult> RedeemAsync(HttpContext context)
    {
        var grant = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var users = context.RequestServices.GetRequiredService<UserManager<GatewayUser>>();
        var user = grant.Principal?.GetClaim(Claims.Subject) is { } name ? await users.FindByNameAsync(name) : null;
        var client = grant.Principal?.GetPresenters().FirstOrDefault() ?? "";
        var registry = context.RequestServices.GetRequiredService<ClientRegistry>();
        if (user is null || user.Status != UserStatus.Active || (user.RequiresSecondFactor && !user.TwoFactorEnabled)
            || !await registry.IsActiveAsync(client, context.RequestAborted))
        {
            return IssuingTokenEndpoint.Reject(Errors.InvalidGrant, "The person is unknown or disabled.");
        }
        return Results.SignIn(new ClaimsPrincipal(IdentityOf(user, client, grant.Principal!.GetScopes())),
            authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context, UserManager<GatewayUser> users, SignInAudit audit)
    {
        if (await Sessions.CurrentUserAsync(context, users) is { } user)
        {
            await audit.RecordAsync(user, "SignedOut", context.RequestAborted);
        }
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = AccountPaths.SignedOut },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme],
        properties: new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }));
}
