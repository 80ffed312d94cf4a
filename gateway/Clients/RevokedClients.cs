using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Programmes.ServiceDefaults;

namespace Programmes.Gateway.Clients;

/// <summary>
/// Makes revocation bite on tokens already issued: a token of a revoked (or deleted) client authenticates
/// nobody, so the route policies answer 401. The client's status is looked up per request and cached for
/// <c>Auth:ClientStatusCacheDuration</c> (5 s by default), which bounds how long a revoked token still works
/// at this gateway instance.
/// </summary>
internal sealed class RevokedClients(ClientRegistry registry, IMemoryCache cache, IConfiguration configuration) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ProgrammesClaims.ClientId) is not { } clientId)
        {
            return principal;
        }
        var active = await cache.GetOrCreateAsync($"client-active:{clientId}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = configuration.GetValue("Auth:ClientStatusCacheDuration", TimeSpan.FromSeconds(5));
            return await registry.IsActiveAsync(clientId, CancellationToken.None);
        });
        return active ? principal : new ClaimsPrincipal(new ClaimsIdentity());
    }
}
