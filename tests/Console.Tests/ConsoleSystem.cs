using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Playwright;
using Programmes.Gateway.Routing;
using Programmes.Testing;

namespace Programmes.Console.Tests;

/// <summary>
/// The whole system with the console behind the gateway (same origin), and one headless Debian Chromium.
/// Until the gateway signs people in, a test signs in through <c>/test/sign-in?client=</c>, a shortcut that
/// exists only in this fixture: it puts a demo client's real token into the console's real session store.
/// </summary>
public sealed class ConsoleSystem : TestSystem
{
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private WebApplication? _console;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri ConsoleUrl { get; } = new($"http://127.0.0.1:{LoopbackPorts.Free()}/");

    public override async Task InitializeAsync()
    {
        Settings[$"ReverseProxy:Clusters:{RouteTable.ConsoleCluster}:Destinations:d1:Address"] = ConsoleUrl.ToString();
        await base.InitializeAsync();
        _console = ConsoleService.Build(
        [
            $"--urls={ConsoleUrl}",
            "--Logging:LogLevel:Default=Warning",
            $"--ConnectionStrings:Database={await Infrastructure.CreateDatabaseAsync("console")}",
            $"--Gateway:Url={GatewayUrl}",
            "--Oidc:ClientSecret=console-dev-secret",
            "--OTEL_SERVICE_NAME=console",
        ], builder =>
        {
            // The console's files from its project (as in development), since the test does not publish it.
            builder.WebHost.UseStaticWebAssets();
            builder.Services.AddSingleton<IStartupFilter>(new TestSignIn(this));
        });
        await _console.PrepareAsync();
        await _console.StartAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_console is not null)
        {
            await _console.StopAsync();
            await _console.DisposeAsync();
        }
        await base.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies) signed in as <paramref name="client"/>, in <paramref name="culture"/>.</summary>
    public async Task<IPage> SignInAsync(Gateway.Clients.DemoClient client, string culture = "en", bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = GatewayUrl.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = culture,
            ViewportSize = new ViewportSize { Width = 1024, Height = 800 },
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync($"/test/sign-in?client={client.ClientId}&culture={culture}");
        if (response?.Ok != true)
        {
            throw new InvalidOperationException($"Test sign-in as {client.ClientId}: {response?.Status}");
        }
        return page;
    }

    /// <summary>The fixture's sign-in shortcut: a client-credentials token of a test client, put into a real console session.</summary>
    private sealed class TestSignIn(ConsoleSystem system) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: that would set PathBase, and the session cookie would get the path /test/sign-in.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != "/test/sign-in")
                {
                    await nextMiddleware(context);
                    return;
                }
                var client = TestClients.All.Single(c => c.ClientId == context.Request.Query["client"]);
                var token = await system.TokenAsync(client);
                var jwt = new JsonWebToken(token);
                var claims = jwt.Claims.Where(c => c.Type is "role" or "party" or "client_id" or "sub").ToList();
                claims.Add(new Claim("name", client.DisplayName ?? client.ClientId));
                var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test", "name", "role"));
                var properties = new AuthenticationProperties();
                properties.StoreTokens(
                [
                    new AuthenticationToken { Name = "access_token", Value = token },
                    new AuthenticationToken { Name = "expires_at", Value = jwt.ValidTo.ToString("o", CultureInfo.InvariantCulture) },
                ]);
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, properties);
                var culture = context.Request.Query["culture"].ToString();
                context.Response.Cookies.Append(".AspNetCore.Culture", $"c={culture}|uic={culture}", new CookieOptions { Path = "/" });
                context.Response.Redirect("/");
            });
            next(app);
        };
    }
}
