using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Programmes.Console.Extensions;

/// <summary>
/// Before a request is served, an access token that expires within a minute is exchanged with the refresh
/// token at the gateway's token endpoint; the session store keeps the new pair. A refusal (a disabled user,
/// a revoked grant) ends the session: the next page asks the person to sign in again.
/// </summary>
public static class TokenRefresh
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (expiresAt is null || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry)
            || expiry - clock.GetUtcNow() > Margin)
        {
            return;
        }
        if (refreshToken is null)
        {
            if (expiry <= clock.GetUtcNow())
            {
                await RejectAsync(context);
            }
            return;
        }

        var oidc = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>()
            .Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
        using var response = await oidc.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = oidc.ClientId!,
            ["client_secret"] = oidc.ClientSecret ?? "",
        }), context.HttpContext.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            await RejectAsync(context);
            return;
        }
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(context.HttpContext.RequestAborted));
        var root = body.RootElement;
        var tokens = context.Properties.GetTokens().ToDictionary(t => t.Name, t => t.Value);
        tokens["access_token"] = root.GetProperty("access_token").GetString()!;
        if (root.TryGetProperty("refresh_token", out var refreshed))
        {
            tokens["refresh_token"] = refreshed.GetString()!;
        }
        var lifetime = root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300;
        tokens["expires_at"] = clock.GetUtcNow().AddSeconds(lifetime).ToString("o", CultureInfo.InvariantCulture);
        context.Properties.StoreTokens(tokens.Select(t => new AuthenticationToken { Name = t.Key, Value = t.Value }));
        context.ShouldRenew = true;
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
