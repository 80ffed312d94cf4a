using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Programmes.ServiceDefaults;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Programmes.Gateway.Clients;

/// <summary>
/// The one place an access token's claims are decided, for an API client and for a person alike: who calls
/// (<c>sub</c>), the OAuth client the token is issued to (<c>client_id</c>: the API client itself, or the console for
/// a person), role and party. A person's token is a client's token with the person's name as subject, so the services
/// (which read the caller from <c>sub</c>, role and party) and their object-level rules see no difference.
/// </summary>
public static class CallerClaims
{
    public static ClaimsIdentity For(string subject, string clientId, string role, string party)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, ProgrammesClaims.ClientId, ProgrammesClaims.Role);
        identity.SetClaim(Claims.Subject, subject);
        identity.SetClaim(ProgrammesClaims.ClientId, clientId);
        identity.SetClaim(ProgrammesClaims.Role, role);
        identity.SetClaim(ProgrammesClaims.Party, party);
        identity.SetResources(ProgrammesClaims.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return identity;
    }
}
