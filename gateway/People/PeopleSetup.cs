using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Programmes.Gateway.People.Pages;
using Programmes.Gateway.Persistence;

namespace Programmes.Gateway.People;

/// <summary>
/// People on the gateway: ASP.NET Core Identity in the gateway's database, its cookies (named so as not to meet the
/// console's on the same origin), the password and lockout rules, the sign-in pages in six languages, and the
/// console as the OpenID Connect client that sends people here.
/// </summary>
public static class PeopleSetup
{
    public const string SessionCookie = "programmes-gateway-session";
    public const string AntiforgeryCookie = "programmes-gateway-af";

    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // The sign-in cookies must be readable by every gateway instance and after a restart.
        builder.Services.AddDataProtection().SetApplicationName("programmes-gateway").PersistKeysToDbContext<GatewayDb>();
        builder.Services.AddAuthentication().AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie!.Configure(options =>
            {
                options.Cookie.Name = SessionCookie;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.LoginPath = AccountPaths.SignIn;
                options.ExpireTimeSpan = configuration.GetValue("People:SessionLifetime", TimeSpan.FromHours(8));
                options.SlidingExpiration = true;
            });
            cookies.TwoFactorUserIdCookie!.Configure(options =>
            {
                options.Cookie.Name = "programmes-gateway-2fa";
                options.Cookie.Path = AccountPaths.Prefix;
            });
        });
        builder.Services.AddIdentityCore<GatewayUser>(options =>
            {
                options.Password.RequiredLength = PasswordRule.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("People:Lockout:MaxFailures", 5);
                options.Lockout.DefaultLockoutTimeSpan = configuration.GetValue("People:Lockout:Duration", TimeSpan.FromMinutes(15));
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789.-";
            })
            .AddEntityFrameworkStores<GatewayDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // A disabled person's session cookie stops working as soon as a token of theirs would.
        builder.Services.Configure<SecurityStampValidatorOptions>(options =>
            options.ValidationInterval = configuration.GetValue("Auth:ClientStatusCacheDuration", TimeSpan.FromSeconds(5)));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookie;
            options.Cookie.Path = AccountPaths.Prefix;
        });
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options => options
            .SetDefaultCulture(Texts.Languages[0])
            .AddSupportedCultures(Texts.Languages)
            .AddSupportedUICultures(Texts.Languages));
        builder.Services.AddScoped<SignInAudit>();
        return builder;
    }

    public static WebApplication MapPeople(this WebApplication app)
    {
        // Only the pages need a language: the proxied API calls pay nothing for it.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(AccountPaths.Prefix), pages => pages
            .UseRequestLocalization()
            .Use(RememberCulture));
        app.UseAntiforgery();
        app.MapPersonTokens();
        var account = app.MapGroup(AccountPaths.Prefix).ExcludeFromDescription().DisableRateLimiting();
        account.MapSigningIn();
        account.MapEnrolling();
        account.MapAcceptingInvitation();
        account.MapGet("/signed-out", (HttpContext context) =>
        {
            var html = new Html(context);
            return html.Page("SignedOut", $"""<p>{Html.E(html.T("SignedOutText"))}</p><p><a href="/">{Html.E(html.T("SignIn"))}</a></p>""");
        });
        return app;
    }

    /// <summary>A language chosen with <c>?culture=</c> is kept in the standard cookie, which the console reads too.</summary>
    private static Task RememberCulture(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Query["culture"].ToString() is { Length: > 0 } culture && Texts.Languages.Contains(culture))
        {
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, IsEssential = true });
        }
        return next(context);
    }
}
