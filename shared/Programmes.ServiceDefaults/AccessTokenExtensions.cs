using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Programmes.ServiceDefaults;

/// <summary>How every process accepts the gateway's access tokens.</summary>
public static class AccessTokenExtensions
{
    /// <summary>
    /// Validates the gateway's access tokens again inside the service (defence in depth): signature from the
    /// gateway's JWKS, issuer, audience and lifetime. <c>Auth:Authority</c> is the gateway's base URL.
    /// </summary>
    public static TBuilder AddTokenValidation<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var authority = builder.Configuration["Auth:Authority"]
            ?? throw new InvalidOperationException("Auth:Authority (the gateway's URL) is not configured.");
        builder.AddAccessTokens(options =>
        {
            options.Authority = authority;
            options.RequireHttpsMetadata = false;
            // The gateway may start after us: fetch keys again soon rather than caching a failure.
            options.RefreshInterval = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// The one way every process (services and gateway) accepts the gateway's access tokens: JwtBearer with the
    /// audience, the claim names as issued and the cache of validated tokens. <paramref name="keys"/> says where
    /// the signing keys and the issuer come from (the gateway's JWKS for a service, its own key for the gateway).
    /// </summary>
    public static AuthenticationBuilder AddAccessTokens(this IHostApplicationBuilder builder, Action<JwtBearerOptions> keys)
    {
        var clockSkew = TimeSpan.FromSeconds(30);
        // Validation reads the system clock, so the cache of validated tokens does too.
        var validatedTokens = new ValidatedTokens(TimeProvider.System, clockSkew);
        builder.Services.AddSingleton(validatedTokens);
        return builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = ProgrammesClaims.Audience,
                NameClaimType = ProgrammesClaims.ClientId,
                RoleClaimType = ProgrammesClaims.Role,
                ClockSkew = clockSkew,
            };
            // No one reads the raw token back from the authentication properties; storing it cost a dictionary per request.
            options.SaveToken = false;
            validatedTokens.Attach(options);
            keys(options);
        });
    }
}
