using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Programmes.ServiceDefaults;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Programmes.Gateway.Clients;

/// <summary>
/// The one place an access token's claims are decided, for an API client and for a person alike: the caller's
/// name (<c>sub</c> and <c>client_id</c>), role and party, for every service. A person's token is a client's
/// token with the person's name, so the services and their object-level rules see no difference.
/// </summary>
public static class CallerClaims
{
    public static ClaimsIdentity For(string caller, string role, string party)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, ProgrammesClaims.ClientId, ProgrammesClaims.Role);
        identity.SetClaim(Claims.Subject, caller);
        identity.SetClaim(ProgrammesClaims.ClientId, caller);
        identity.SetClaim(ProgrammesClaims.Role, role);
        identity.SetClaim(ProgrammesClaims.Party, party);
        identity.SetResources(ProgrammesClaims.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return identity;
    }
}
