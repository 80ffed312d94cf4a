using Microsoft.AspNetCore.Localization;
using Programmes.Console.Extensions;

namespace Programmes.Console.Localization;

public static class LocalizationExtensions
{
    public static WebApplicationBuilder AddConsoleLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Texts>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture("en").AddSupportedCultures([.. Texts.Cultures]).AddSupportedUICultures([.. Texts.Cultures]);
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        return builder;
    }

    /// <summary>Query <c>?culture=</c>, the <c>.AspNetCore.Culture</c> cookie (shared with the gateway's pages), then Accept-Language.</summary>
    public static WebApplication UseConsoleLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary>The language switcher's target: a plain form post (with its antiforgery token) that sets the cookie on path <c>/</c>.</summary>
    public static WebApplication MapLanguageSwitch(this WebApplication app)
    {
        app.MapPost("/language", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (!Texts.Cultures.Contains(culture))
            {
                return Results.BadRequest();
            }
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    Path = "/",
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = false,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                });
            return Results.LocalRedirect(SignInExtensions.LocalOrHome(returnUrl));
        });
        return app;
    }
}
