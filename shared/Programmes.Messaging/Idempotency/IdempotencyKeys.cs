using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Programmes.ServiceDefaults;

namespace Programmes.Messaging.Idempotency;

/// <summary>
/// Idempotency-Key support for POST endpoints: a client that retries (after a timeout, a dropped
/// connection or a 503) with the same key and body gets the first response again instead of a second
/// resource. Keys belong to the calling client and are stored in the service's own database, in the
/// transaction of the command they guard.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;
    public const string Table = "idempotency_keys";

    /// <summary>
    /// Stores keys in <typeparamref name="TDbContext"/>'s database (its migrations create the table: see
    /// <see cref="IdempotencyModel.AddIdempotencyKeys"/>) and forgets them after <c>Idempotency:KeyRetention</c> (default 48 hours, at least 24).
    /// </summary>
    public static IHostApplicationBuilder AddIdempotency<TDbContext>(this IHostApplicationBuilder builder) where TDbContext : DbContext
    {
        builder.Services.AddScoped(sp => new IdempotencyStore(sp.GetRequiredService<TDbContext>()));
        builder.Services.Configure<IdempotencyOptions>(builder.Configuration.GetSection("Idempotency"));
        builder.AddBackgroundLoops();
        builder.Services.AddHostedService<IdempotencyKeyCleanup>();
        return builder;
    }

    /// <summary>Answers a retry carrying the same Idempotency-Key with the first response.</summary>
    /// <param name="required">Whether a POST without the header is refused (400) or simply not deduplicated.</param>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder endpoint, bool required = true) => endpoint
        .AddEndpointFilter(new IdempotencyFilter(required))
        .WithMetadata(new Programmes.ServiceDefaults.OpenApi.IdempotencyKeyHeader(required))
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>
    /// Lets the filter hash the request body after model binding has read it. Only idempotent endpoints buffer
    /// (routing has chosen the endpoint by now): a proxied or other request streams its body as it comes.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyBuffering(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<Programmes.ServiceDefaults.OpenApi.IdempotencyKeyHeader>() is not null)
        {
            context.Request.EnableBuffering();
        }
        return next(context);
    });
}

/// <summary>The database a service keeps its Idempotency-Keys in.</summary>
internal sealed class IdempotencyStore(DbContext db)
{
    public DbContext Db { get; } = db;
}

public sealed class IdempotencyOptions
{
    /// <summary>How long a key and its first response are kept; never less than 24 hours.</summary>
    public TimeSpan KeyRetention { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How often expired keys are deleted.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
