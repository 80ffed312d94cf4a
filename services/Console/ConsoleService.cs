using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Programmes.Console.Components;
using Programmes.Console.Extensions;
using Programmes.Console.Localization;
using Programmes.Console.Sessions;
using Programmes.ServiceDefaults;

namespace Programmes.Console;

/// <summary>
/// The console's table of contents: a Blazor Web App rendered on the server, signed in through the gateway
/// with OpenID Connect, holding the user's tokens in its own session store and calling the API through the
/// gateway with them. It owns no business data.
/// </summary>
public static class ConsoleService
{
    public const string Name = "console";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(ConsoleService).Assembly.GetName().Name,
            WebRootPath = "wwwroot",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddServiceDefaults();
        builder.AddConsoleSessions();
        builder.AddConsoleSignIn();
        builder.AddConsoleApi();
        builder.AddConsoleLocalization();
        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseResponseCompression();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'";
            return next(context);
        });
        app.UseConsoleLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ServiceDefaultsExtensions.LiveTag),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ServiceDefaultsExtensions.ReadyTag) || check.Tags.Contains(ServiceDefaultsExtensions.LiveTag),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        app.MapStaticAssets();
        app.MapSignIn();
        app.MapLanguageSwitch();
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>Creates or updates the console's own database (sessions and Data Protection keys).</summary>
    public static async Task PrepareAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SessionDb>().Database.MigrateAsync(cancellationToken);
    }
}
