using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Programmes.Console.Extensions;

/// <summary>
/// Sign-in: the OpenID Connect authorization code flow with PKCE against the gateway (client <c>console</c>),
/// a session cookie that holds only a key into the server-side session store, and the access token refreshed
/// with the refresh token before it expires.
/// Settings: <c>Gateway:Url</c> (how the console reaches the gateway), <c>Oidc:Authority</c> (the gateway's
/// public base URL, the issuer; defaults to <c>Gateway:Url</c>), <c>Oidc:ClientId</c>, <c>Oidc:ClientSecret</c>.
/// </summary>
public static class SignInExtensions
{
    public const string CookieName = "programmes-console";
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);
    private static readonly string[] Scopes = ["openid", "profile", "offline_access"];

    public static WebApplicationBuilder AddConsoleSignIn(this WebApplicationBuilder builder)
    {
        var gateway = GatewayUrl(builder.Configuration);
        var authority = new Uri(builder.Configuration["Oidc:Authority"] ?? gateway.ToString());

        // The console is reached only through the gateway, which tells it the public scheme and host.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = SessionLifetime;
                options.SlidingExpiration = true;
                options.AccessDeniedPath = "/not-found";
                options.Events.OnValidatePrincipal = TokenRefresh.ValidateAsync;
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = authority.ToString();
                options.RequireHttpsMetadata = authority.Scheme == Uri.UriSchemeHttps;
                // Discovery, keys, code redemption and refresh go to the gateway's internal address.
                options.BackchannelHttpHandler = new OriginRewritingHandler(authority, gateway);
                options.ClientId = builder.Configuration["Oidc:ClientId"] ?? "console";
                options.ClientSecret = builder.Configuration["Oidc:ClientSecret"];
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                options.SaveTokens = true;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.Scope.Clear();
                foreach (var scope in Scopes)
                {
                    options.Scope.Add(scope);
                }
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = ServiceDefaults.ProgrammesClaims.Role;
                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    context.ProtocolMessage.UiLocales = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    public static Uri GatewayUrl(IConfiguration configuration) =>
        new(configuration["Gateway:Url"] ?? throw new InvalidOperationException("Gateway:Url is not configured."));

    /// <summary>Sign in (a challenge to the gateway) and sign out (of the console and of the gateway).</summary>
    public static WebApplication MapSignIn(this WebApplication app)
    {
        app.MapGet("/sign-in", (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) },
            [OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapPost("/sign-out", () => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .RequireAuthorization();
        return app;
    }

    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    /// <summary>Sends requests for the public authority to the gateway's internal address instead.</summary>
    private sealed class OriginRewritingHandler(Uri from, Uri to) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri && Uri.Compare(uri, from, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
            {
                request.RequestUri = new Uri(to, uri.PathAndQuery);
                // The gateway builds its discovery document's endpoints from the Host it is asked for: keep the
                // public one, or the browser would be sent to the internal address.
                request.Headers.Host = from.Authority;
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
