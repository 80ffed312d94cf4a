using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Programmes.ServiceDefaults;

namespace Programmes.Gateway.Limiting;

/// <summary>A token bucket: <see cref="TokensPerSecond"/> sustained, bursts up to <see cref="Burst"/>.</summary>
public sealed record RoleLimit(int TokensPerSecond, int Burst);

/// <summary>
/// Rate limits per client (token bucket partitioned by <c>client_id</c>), sized by the client's role.
/// <c>RateLimits:&lt;role&gt;:TokensPerSecond</c> and <c>RateLimits:&lt;role&gt;:Burst</c> override the defaults.
/// Only authenticated calls count: anonymous ones are turned away by the route policies before this runs.
/// </summary>
public static class ClientRateLimits
{
    public static readonly IReadOnlyDictionary<string, RoleLimit> Defaults = new Dictionary<string, RoleLimit>
    {
        [Roles.State] = new(20, 40),
        [Roles.Partner] = new(20, 40),
        [Roles.Staff] = new(20, 40),
        // Donors post contributions in batches.
        [Roles.Donor] = new(50, 200),
        // Operations polls health and dead letters; it needs little.
        [Roles.Operations] = new(5, 10),
    };

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = Roles.All.ToDictionary(role => role, role => new RoleLimit(
            configuration.GetValue($"RateLimits:{role}:TokensPerSecond", Defaults[role].TokensPerSecond),
            configuration.GetValue($"RateLimits:{role}:Burst", Defaults[role].Burst)));

        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // Per caller: each API client, and each person (whose tokens all name the console as client_id).
                var clientId = context.User.FindFirstValue(ProgrammesClaims.Subject) ?? context.User.FindFirstValue(ProgrammesClaims.ClientId);
                var role = context.User.FindFirstValue(ProgrammesClaims.Role);
                if (clientId is null || role is null || !limits.TryGetValue(role, out var limit))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }
                return RateLimitPartition.GetTokenBucketLimiter(clientId, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limit.Burst,
                    TokensPerPeriod = limit.TokensPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = RejectAsync;
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This client's rate limit is exhausted. Retry after {seconds} s.",
                Type = ProblemTypes.RateLimited,
            },
        });
    }
}
