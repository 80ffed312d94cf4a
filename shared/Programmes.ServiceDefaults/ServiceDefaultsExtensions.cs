using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Programmes.ServiceDefaults.OpenApi;

namespace Programmes.ServiceDefaults;

/// <summary>
/// The cross-cutting set-up every process shares: telemetry, health, problem details, JSON conventions,
/// token validation and the OpenAPI document. One call in each <c>Program.cs</c>.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddQuietFrameworkLogs();
        builder.AddTelemetry();

        // The audit trail names the caller of the request whose changes are being saved.
        builder.Services.AddHttpContextAccessor();

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.AddBackgroundLoops();

        builder.Services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options =>
        {
            // Enums by name only: an integer would bind to a value no enum member names and be stored as such.
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            options.SerializerOptions.Converters.Add(new StorableStringConverter());
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Bad bodies reach the exception handler, which answers with problem details naming the field.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => RequestText.SetKestrelLimits(options.Limits));

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] =
                ActivityExtensions.CurrentTraceId() ?? context.HttpContext.TraceIdentifier;
            if (context.ProblemDetails.Status == StatusCodes.Status403Forbidden && EndpointRoles.Of(context.HttpContext) is { Count: > 0 } roles)
            {
                context.ProblemDetails.Detail ??= $"This operation is for the role(s) {string.Join(", ", roles)}; the token's role is "
                    + $"'{context.HttpContext.User.GetCaller().Role}'. The roles are listed as x-roles on each operation of the API documents.";
                context.ProblemDetails.Extensions["requiredRoles"] = roles;
            }
            context.ProblemDetails.Type ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized => ProblemTypes.Unauthenticated,
                StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
                StatusCodes.Status404NotFound => ProblemTypes.NotFound,
                StatusCodes.Status413PayloadTooLarge => ProblemTypes.PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
                StatusCodes.Status429TooManyRequests => ProblemTypes.RateLimited,
                _ => null,
            };
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

        builder.AddProgrammesOpenApi();
        return builder;
    }

    /// <summary>
    /// What every <see cref="ResilientLoop"/> reports to (section <c>BackgroundLoops</c>). The host ignores a
    /// background service that fails instead of stopping: the loops catch everything themselves, so this is
    /// the last guard, for a service not built on them. Stopping would not help: the host restarts into the
    /// same data and fails again (issue 16: a gauge that could not read a value took funding's whole API down
    /// 30 times), whereas one stopped loop costs its own work only, and readiness names it. Called by
    /// everything that adds a loop; only the first call registers.
    /// </summary>
    public static IHostApplicationBuilder AddBackgroundLoops(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(BackgroundLoops)))
        {
            return builder;
        }
        builder.Services.AddHealthChecks().AddCheck<BackgroundLoopsHealthCheck>("background", HealthStatus.Degraded, [ReadyTag]);
        builder.Services.Configure<BackgroundLoopOptions>(builder.Configuration.GetSection("BackgroundLoops"));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<BackgroundLoops>();
        builder.Services.Configure<HostOptions>(options =>
            options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        return builder;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app, string openApiPath = "/openapi/v1.json")
    {
        app.UseExceptionHandler();
        app.UseOverloadProtection();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseUtf8Json();
        app.UseRequestTextCheck();

        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag) || check.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi(openApiPath);
        return app;
    }

    /// <summary>Requires a token whose role is one of <paramref name="roles"/>.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(roles));

    private static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddTraceSampling(builder.Configuration)
                .AddSource(Telemetry.SourcePattern)
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = context => !IsPlumbing(context.Request.Path);
                    options.RecordException = true;
                })
                .AddHttpClientInstrumentation(options => options.RecordException = true)
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(Telemetry.SourcePattern)
                .AddMeter("MassTransit")
                .AddMeter("Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }

    internal static bool IsPlumbing(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    /// <summary>
    /// JSON between systems is UTF-8 (RFC 8259). A JSON body labelled with another charset is refused with 415
    /// before model binding, which would otherwise throw on a charset it does not know (a 500).
    /// </summary>
    private static IApplicationBuilder UseUtf8Json(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            && type.Charset.HasValue
            && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !type.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Type = ProblemTypes.UnsupportedMediaType,
                    Title = "JSON bodies must be UTF-8.",
                    Detail = $"The charset '{type.Charset}' is not accepted; send application/json (UTF-8).",
                },
            });
            return;
        }
        await next(context);
    });

    private static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return next(context);
    });
}
