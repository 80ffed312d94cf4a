using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Programmes.Gateway.People;
using Programmes.Gateway.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.Gateway.Clients;

/// <summary>
/// Makes revocation bite on tokens already issued: a token of a revoked (or deleted) client, or of a disabled person,
/// is answered 401
/// whatever route it calls. The client's status is read from the database and cached per client for
/// <c>Auth:ClientStatusCacheDuration</c> (5 s by default), which bounds how long a revoked token still works.
/// Runs after authentication, before the rate limiter and the endpoint.
/// The cache holds the lookup itself, not its answer: every request that misses at the same moment awaits the
/// one query, instead of each running its own. Under load, one query per request at every expiry exhausted the
/// connection pool and turned into 503s (found with tests/Programmes.LoadGenerator).
/// </summary>
internal sealed class RevokedClients(RequestDelegate next, IMemoryCache cache, IConfiguration configuration, IServiceScopeFactory scopes)
{
    private readonly TimeSpan _cacheDuration = configuration.GetValue("Auth:ClientStatusCacheDuration", TimeSpan.FromSeconds(5));

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ProgrammesClaims.ClientId) is { } clientId)
        {
            var subject = context.User.FindFirstValue(ProgrammesClaims.Subject) ?? clientId;
            var key = $"caller-active:{subject}:{clientId}";
            var lookup = cache.GetOrCreate(key, entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = _cacheDuration;
                return IsActiveAsync(subject, clientId);
            })!;
            bool active;
            try
            {
                active = await lookup;
            }
            catch
            {
                // A failed lookup must not be remembered for the whole period.
                cache.Remove(key);
                throw;
            }
            if (!active)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The client was revoked or the person disabled.\"";
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status401Unauthorized,
                        Title = "The access token is no longer valid.",
                        Detail = "The client or person this token was issued to has been revoked or disabled.",
                        Type = ProblemTypes.Unauthenticated,
                    },
                });
                return;
            }
        }
        await next(context);
    }

    /// <summary>
    /// In its own scope and without the request's cancellation: other requests share this lookup. The client must be
    /// active and, for a person's token (its subject a person's name, <see cref="Sessions.IsUserName"/>), the person too.
    /// </summary>
    private async Task<bool> IsActiveAsync(string subject, string clientId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClientRegistry>().IsActiveAsync(clientId, CancellationToken.None)
            && (subject == clientId || !Sessions.IsUserName(subject)
                || await Sessions.IsActiveAsync(scope.ServiceProvider.GetRequiredService<GatewayDb>(), subject, CancellationToken.None));
    }
}
