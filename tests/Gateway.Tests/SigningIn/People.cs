using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Gateway.People;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests.SigningIn;

/// <summary>What the sign-in tests do as a person: sign in through the console's flow, be invited, accept.</summary>
internal static class People
{
    public static async Task<Page> SignInAsync(this Browser browser, string userName, string password, string? totpKey = null)
    {
        var page = await browser.GetAsync(browser.AuthorizeUrl());
        Assert.Contains("name=\"userName\"", page.Html);
        page = await browser.SubmitAsync(page, new() { ["userName"] = userName, ["password"] = password });
        if (totpKey is not null)
        {
            Assert.Contains("name=\"code\"", page.Html);
            page = await browser.SubmitAsync(page, new() { ["code"] = TestUsers.TotpCode(totpKey, DateTimeOffset.UtcNow) });
        }
        return page;
    }

    /// <summary>Signs in and redeems the code: the console's tokens (access, identity, refresh).</summary>
    public static async Task<JsonElement> TokensAsync(this Browser browser, string userName, string password, string? totpKey = null)
    {
        var page = await browser.SignInAsync(userName, password, totpKey);
        Assert.True(page.IsConsoleRedirect, page.Html);
        return await Browser.TokensOf(await browser.RedeemAsync(page));
    }

    /// <summary>Staff invite a person; returns the invitation link.</summary>
    public static async Task<string> InviteAsync(this TestSystem system, string userName, string role, string? party)
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var invited = await staff.PostAsJsonAsync("/api/gateway/users", new { userName, role, party, displayName = userName })
            .ShouldBeJson(HttpStatusCode.Created);
        Assert.Equal(UserStatus.Invited, invited.GetProperty("user").GetProperty("status").GetString());
        return invited.GetProperty("invitationUrl").GetString()!;
    }

    /// <summary>A new active person of the role: invited by staff, password set through the link.</summary>
    public static async Task<(string UserName, string Password)> NewPersonAsync(this TestSystem system, string role = "state", string? party = "KEN")
    {
        var userName = $"person.{Guid.NewGuid():N}"[..20];
        var link = await system.InviteAsync(userName, role, party);
        using var browser = new Browser(system.GatewayUrl);
        var page = await browser.GetAsync(link);
        const string password = "a long enough password";
        page = await browser.SubmitAsync(page, new() { ["newPassword"] = password, ["confirm"] = password });
        Assert.Contains("name=\"userName\"", page.Html);
        return (userName, password);
    }

    public static async Task<string[]> AuditActionsAsync(this TestSystem system, string userName)
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var entries = await staff.GetFromJsonAsync<JsonElement[]>($"/api/gateway/users/{userName}/audit");
        return [.. entries!.Select(e => e.GetProperty("action").GetString()!)];
    }
}
