using System.Net;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests.SigningIn;

/// <summary>People sign in on the gateway's pages through the console's code flow with PKCE.</summary>
[Collection(WholeSystemCollection.Name)]
public sealed class SigningInTests(WholeSystem system)
{
    /// <summary>Claims that name the token itself or its holder, not what the holder may do.</summary>
    private static readonly string[] PerToken = ["sub", "client_id", "jti", "iat", "nbf", "exp", "oi_prst", "oi_au_id", "name", "scope"];

    [Fact]
    public async Task A_State_focal_point_signs_in_and_gets_the_claims_of_a_client_of_the_same_State()
    {
        using var browser = new Browser(system.GatewayUrl);
        var tokens = await browser.TokensAsync(TestUsers.StateKenya.UserName, TestUsers.StateKenya.Password);
        var person = Browser.Payload(tokens.GetProperty("access_token").GetString()!);
        var client = Browser.Payload(await system.TokenAsync(TestClients.StateKenya));

        Assert.Equal(TestUsers.StateKenya.UserName, person.GetProperty("sub").GetString());
        Assert.Equal("console", person.GetProperty("client_id").GetString());
        var names = person.EnumerateObject().Select(p => p.Name).Except(PerToken).Order().ToArray();
        Assert.Equal(client.EnumerateObject().Select(p => p.Name).Except(PerToken).Order().ToArray(), names);
        foreach (var name in names)
        {
            Assert.Equal(client.GetProperty(name).ToString(), person.GetProperty(name).ToString());
        }
        var identity = Browser.Payload(tokens.GetProperty("id_token").GetString()!);
        Assert.Equal("KEN", identity.GetProperty("party").GetString());

        using var api = new HttpClient { BaseAddress = system.GatewayUrl };
        api.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        await api.GetAsync("/api/intake/requests").ShouldBe(HttpStatusCode.OK);

        var refreshed = await Browser.TokensOf(await browser.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!));
        Assert.Equal("KEN", Browser.Payload(refreshed.GetProperty("access_token").GetString()!).GetProperty("party").GetString());
        Assert.Contains("SignedIn", await system.AuditActionsAsync(TestUsers.StateKenya.UserName));
    }

    [Fact]
    public async Task Staff_give_a_TOTP_code_after_the_password_and_a_wrong_one_is_refused()
    {
        using var browser = new Browser(system.GatewayUrl);
        var page = await browser.SignInAsync(TestUsers.Staff.UserName, TestUsers.Staff.Password);
        Assert.False(page.IsConsoleRedirect);
        Assert.Contains("name=\"code\"", page.Html);

        var wrong = await browser.SubmitAsync(page, new() { ["code"] = WrongCode(TestUsers.Staff.TotpKey!) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("href=\"#code\"", wrong.Html);
        Assert.Contains("aria-invalid=\"true\"", wrong.Html);

        var done = await browser.SubmitAsync(wrong, new() { ["code"] = TestUsers.TotpCode(TestUsers.Staff.TotpKey!, DateTimeOffset.UtcNow) });
        Assert.True(done.IsConsoleRedirect, done.Html);
        var tokens = await Browser.TokensOf(await browser.RedeemAsync(done));
        Assert.Equal("staff", Browser.Payload(tokens.GetProperty("access_token").GetString()!).GetProperty("role").GetString());
    }

    /// <summary>A code no nearby time step gives (a verifier accepts a little clock drift).</summary>
    internal static string WrongCode(string key)
    {
        var near = Enumerable.Range(-3, 7).Select(i => TestUsers.TotpCode(key, DateTimeOffset.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return new[] { "000000", "111111", "222222", "333333" }.First(c => !near.Contains(c));
    }

    [Fact]
    public async Task A_code_is_redeemed_only_with_the_verifier_of_its_challenge()
    {
        using var browser = new Browser(system.GatewayUrl);
        var page = await browser.SignInAsync(TestUsers.Cted.UserName, TestUsers.Cted.Password);
        Assert.True(page.IsConsoleRedirect, page.Html);
        await browser.RedeemAsync(page, verifier: new string('x', 43)).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var browser = new Browser(system.GatewayUrl);
        var page = await browser.GetAsync(browser.AuthorizeUrl());
        var refused = await browser.SubmitAsync(page,
            new() { ["userName"] = TestUsers.StateNiger.UserName, ["password"] = TestUsers.StateNiger.Password }, withAntiforgery: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.False(refused.IsConsoleRedirect);
        Assert.Contains("name=\"userName\"", (await browser.GetAsync(browser.AuthorizeUrl())).Html);
    }

    [Fact]
    public async Task The_pages_speak_the_chosen_language_and_Arabic_reads_right_to_left()
    {
        using var browser = new Browser(system.GatewayUrl);
        var arabic = await browser.GetAsync("/account/signin?culture=ar");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic.Html);
        Assert.Contains(browser.Cookies.GetCookies(system.GatewayUrl), c => c.Name == ".AspNetCore.Culture" && c.Value.Contains("ar", StringComparison.Ordinal));
        // The cookie keeps the choice for the next page, the console's flow included.
        Assert.Contains("lang=\"ar\"", (await browser.GetAsync(browser.AuthorizeUrl())).Html);
        var french = await browser.GetAsync("/account/signin?culture=fr");
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", french.Html);
        Assert.Contains("Se connecter", french.Html);
    }

    [Fact]
    public async Task An_error_summary_links_to_each_field_in_error()
    {
        using var browser = new Browser(system.GatewayUrl);
        var page = await browser.GetAsync(browser.AuthorizeUrl());
        var refused = await browser.SubmitAsync(page, new() { ["userName"] = "", ["password"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("href=\"#userName\"", refused.Html);
        Assert.Contains("href=\"#password\"", refused.Html);
        Assert.Contains("aria-describedby=\"userName-error\"", refused.Html);
    }
}
