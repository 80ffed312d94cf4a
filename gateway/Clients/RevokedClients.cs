using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Programmes.ServiceDefaults;

namespace Programmes.Gateway.Clients;

/// <summary>
/// Makes revocation bite on tokens already issued: a token of a revoked (or deleted) client is answered 401
/// whatever route it calls. The client's status is read from the database and cached per client for
/// <c>Auth:ClientStatusCacheDuration</c> (5 s by default), which bounds how long a revoked token still works.
/// Runs after authentication, before the rate limiter and the endpoint.
/// </summary>
internal sealed class RevokedClients(RequestDelegate next, IMemoryCache cache, IConfiguration configuration)
{
    private readonly TimeSpan _cacheDuration = configuration.GetValue("Auth:ClientStatusCacheDuration", TimeSpan.FromSeconds(5));

    public async Task InvokeAsync(HttpContext context, ClientRegistry registry)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ProgrammesClaims.ClientId) is { } clientId)
        {
            var active = await cache.GetOrCreateAsync($"client-active:{clientId}", async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = _cacheDuration;
                return await registry.IsActiveAsync(clientId, context.RequestAborted);
            });
            if (!active)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The client was revoked.\"";
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status401Unauthorized,
                        Title = "The access token is no longer valid.",
                        Detail = "The client this token was issued to has been revoked.",
                        Type = ProblemTypes.Unauthenticated,
                    },
                });
                return;
            }
        }
        await next(context);
    }
}
