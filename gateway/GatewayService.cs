using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using OpenIddict.Server;
using Programmes.Auditing;
using Programmes.Gateway.AdministeringClients;
using Programmes.Gateway.AdministeringUsers;
using Programmes.Gateway.Clients;
using Programmes.Gateway.Limiting;
using Programmes.Gateway.Operations;
using Programmes.Gateway.People;
using Programmes.Gateway.Persistence;
using Programmes.Gateway.Routing;
using Programmes.Messaging;
using Programmes.Messaging.Catalogue;
using Programmes.Messaging.Idempotency;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;
using Scalar.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Programmes.Gateway;

/// <summary>
/// The only door into the system: the OAuth 2.0 token server, the reverse proxy to the four services
/// with coarse route policies, and the API reference for all of them.
/// </summary>
public static class GatewayService
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(GatewayService).Assembly.GetName().Name,
        });
        // Defaults first, so that environment variables and arguments override them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = RouteTable.Defaults() });
        builder.AddServiceDefaults();
        builder.AddOperationDocs(GatewayOperations.Descriptions);

        var connectionString = builder.Configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("ConnectionStrings:Database is not configured.");
        _ = builder.Configuration["Auth:Authority"]
            ?? throw new InvalidOperationException("Auth:Authority (the gateway's own public base URL) is not configured.");
        // The tokens' iss is the URL clients know the gateway by (Auth:Issuer, else Api:PublicUrl), never an internal
        // host name; the services still fetch the keys from Auth:Authority and take the issuer from its discovery document.
        var issuer = builder.Configuration["Auth:Issuer"] is { Length: > 0 } configured ? configured
            : builder.Configuration["Api:PublicUrl"] is { Length: > 0 } publicUrl ? publicUrl : OpenApiConventions.DefaultPublicUrl;
        var dataSource = DatabaseConnections.Build(connectionString);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddDbContext<GatewayDb>(options => options
            .UseNpgsql(dataSource)
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict());

        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<GatewayDb>())
            .AddServer(options =>
            {
                options.SetIssuer(new Uri(issuer.TrimEnd('/') + "/"));
                options.SetTokenEndpointUris("connect/token");
                options.AllowClientCredentialsFlow();
                // People sign in through the console: code flow with PKCE, refresh tokens, end session (People/).
                options.SetAuthorizationEndpointUris("connect/authorize");
                options.SetEndSessionEndpointUris("connect/endsession");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.AllowRefreshTokenFlow();
                options.RegisterScopes(Scopes.Profile, Scopes.OfflineAccess);
                options.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2));
                options.SetRefreshTokenLifetime(builder.Configuration.GetValue("People:SessionLifetime", TimeSpan.FromHours(8)));
                options.SetAccessTokenLifetime(TimeSpan.FromMinutes(builder.Configuration.GetValue("Auth:TokenLifetimeMinutes", 15)));
                // Access tokens are plain signed JWTs the services can read; codes and refresh tokens are encrypted
                // with a key every instance shares (below). Nothing is stored: docs/security.md says what that means.
                options.DisableAccessTokenEncryption();
                options.DisableTokenStorage();
                options.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        // The key lives in a table the migrations create: read it when the options are first built, not now.
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<NpgsqlDataSource>((options, keys) =>
        {
            var signingKey = SigningKeyStore.GetOrCreate(keys);
            options.SigningCredentials.Add(new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256));
            options.EncryptionCredentials.Add(SigningKeyStore.EncryptionCredentialsFrom(signingKey));
        });
        // Calls through the gateway are checked the way the services check them (JwtBearer and its cache of validated
        // tokens), against the key and issuer the token server signs with. OpenIddict's own validation handler
        // rebuilt the principal on every request: 15 % of everything allocated under load (docs/performance.md).
        builder.AddAccessTokens(_ => { });
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptionsMonitor<OpenIddictServerOptions>>((options, server) =>
            {
                options.TokenValidationParameters.ValidIssuer = server.CurrentValue.Issuer!.AbsoluteUri;
                options.TokenValidationParameters.IssuerSigningKeys = server.CurrentValue.SigningCredentials.Select(c => c.Key).ToList();
                options.TokenValidationParameters.ValidTypes = ["at+jwt"];
            });
        builder.Services.AddAuthorization(options =>
        {
            foreach (var route in RouteTable.Services)
            {
                options.AddPolicy(RouteTable.PolicyName(route.Cluster), policy => policy
                    .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                    .RequireAuthenticatedUser()
                    .RequireRole(route.Roles));
            }
        });
        builder.Services.AddSingleton<IAuthenticationSchemeProvider, TokenServerRequests>();
        builder.Services.AddScoped<ClientRegistry>();
        builder.Services.AddMemoryCache();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddClientRateLimits(builder.Configuration);
        builder.Services.AddRequestTimeouts();
        builder.Services.AddHttpClient();
        builder.Services.AddHttpClient(AggregatingHealth.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(3));
        builder.Services.AddSingleton<DeadLetterQueues>();
        builder.Services.AddSingleton<DonorDirectory>();
        builder.Services.AddHttpClient(DonorDirectory.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.AddHostedService<BrokerMetrics>();
        builder.Services.AddSingleton<DeadLetterAudit>();
        builder.AddIdempotency<GatewayDb>();
        builder.AddPeople();
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(ProxiedHeaders.SendOnce)
            .ConfigureHttpClient((_, handler) => handler.ConnectTimeout = TimeSpan.FromSeconds(2));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRequestBodyBuffering();
        app.MapServiceDefaults(openApiPath: "/openapi/gateway.json");
        app.Use(TokenServerRequests.HandleAsync);
        app.UseMiddleware<RevokedClients>();
        // After authorization: anonymous and forbidden calls are turned away before they cost a token.
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.MapPeople();
        app.MapIssuingToken();
        app.MapClientAdministration();
        app.MapUserAdministration();
        app.MapOperations();
        app.MapHandlingDeadLetters();
        app.MapMergedDocument();
        // The console's route takes every path nothing else answers. An API path that matches no operation (an
        // empty segment, a typo) is the API's 404 (401 without a token), not a page; it loses to every more specific route.
        app.Map("/api/{**rest}", () => Problem.NotFound("The resource")).RequireAuthorization().ExcludeFromDescription();
        // The events the services exchange, for integrators who read the broker (operations, future services).
        app.MapGet(AsyncApiDocument.Path, () => Results.Text(AsyncApiDocument.Text, "application/json"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapScalarApiReference("/docs", options =>
        {
            options.Title = "Programmes API";
            options.AddDocument("programmes", "Programmes API (all services)", MergedDocument.Path, isDefault: true);
            options.AddDocument("gateway", "Gateway (tokens, clients, operations)", "/openapi/gateway.json");
            foreach (var route in RouteTable.Services)
            {
                options.AddDocument(route.Cluster, route.Title, $"/openapi/{route.Cluster}.json");
            }
        });
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(RequestBodyLimit.EnforceAsync);
            proxy.Use(DownstreamFailure.WriteProblemAsync);
            // A custom pipeline has none of the standard steps: they are added here, after the failover that
            // re-runs them for each attempt.
            proxy.Use(ConnectFailover.RetryAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }

    /// <summary>Creates the gateway's tables, registers the console, and seeds the demo clients and people, if configured.</summary>
    public static async Task PrepareAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GatewayDb>();
            await db.Database.MigrateAsync(cancellationToken);
            await db.GrantAuditToApplicationRoleAsync(app.Configuration, cancellationToken);
        }
        await DemoClients.SeedAsync(app.Services, cancellationToken);
        await ConsoleClient.SeedAsync(app.Services, cancellationToken);
        await DemoUsers.SeedAsync(app.Services, cancellationToken);
    }
}
