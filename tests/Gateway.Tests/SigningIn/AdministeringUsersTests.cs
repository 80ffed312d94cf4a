using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Programmes.Gateway.People;
using Programmes.ServiceDefaults;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests.SigningIn;

/// <summary>Staff administer people: invitation, lockout, disabling, the second factor; each step audited.</summary>
[Collection(WholeSystemCollection.Name)]
public sealed class AdministeringUsersTests(WholeSystem system)
{
    [Fact]
    public async Task An_invitation_sets_a_password_of_12_characters_or_more_once_and_staff_must_enrol_a_second_factor()
    {
        var userName = $"staff.{Guid.NewGuid():N}"[..16];
        var link = await system.InviteAsync(userName, Roles.Staff, null);
        using var invited = new Browser(system.GatewayUrl);
        var page = await invited.GetAsync(link);
        var shortPassword = await invited.SubmitAsync(page, new() { ["newPassword"] = "elevenchars", ["confirm"] = "elevenchars" });
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.Status);
        Assert.Contains("href=\"#newPassword\"", shortPassword.Html);
        var mismatch = await invited.SubmitAsync(shortPassword, new() { ["newPassword"] = "twelve chars", ["confirm"] = "twelve charz" });
        Assert.Contains("href=\"#confirm\"", mismatch.Html);
        var accepted = await invited.SubmitAsync(mismatch, new() { ["newPassword"] = "twelve chars", ["confirm"] = "twelve chars" });
        Assert.Contains("name=\"userName\"", accepted.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await invited.GetAsync(link)).Status);

        // Staff without a second factor are sent to enrol one before the console gets a code.
        using var browser = new Browser(system.GatewayUrl);
        var enrol = await browser.SignInAsync(userName, "twelve chars");
        var key = KeyOn(enrol);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SubmitAsync(enrol, new() { ["code"] = SigningInTests.WrongCode(key) })).Status);
        var done = await browser.SubmitAsync(enrol, new() { ["code"] = TestUsers.TotpCode(key, DateTimeOffset.UtcNow) });
        Assert.True(done.IsConsoleRedirect, done.Html);

        // From now on the code is asked at every sign-in.
        using var again = new Browser(system.GatewayUrl);
        Assert.True((await again.SignInAsync(userName, "twelve chars", key)).IsConsoleRedirect);
        Assert.Equal(["SignedIn", "SecondFactorEnrolled", "SecondFactorEnrolmentFailed", "SignedIn", "InvitationAccepted", "Invited"],
            await system.AuditActionsAsync(userName));
    }

    [Fact]
    public async Task An_invitation_link_stops_working_when_it_expires()
    {
        var userName = $"late.{Guid.NewGuid():N}"[..15];
        var link = await system.InviteAsync(userName, Roles.State, "NER");
        using var browser = new Browser(system.GatewayUrl);
        var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        await using (var scope = system.Gateway.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<GatewayUser>>();
            var user = (await users.FindByNameAsync(userName))!;
            user.InvitationExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await users.UpdateAsync(user);
        }
        var refused = await browser.SubmitAsync(page, new() { ["newPassword"] = "twelve chars", ["confirm"] = "twelve chars" });
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(link)).Status);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        var (userName, password) = await system.NewPersonAsync();
        using var browser = new Browser(system.GatewayUrl);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await browser.SignInAsync(userName, "not the password at all");
            Assert.Equal(HttpStatusCode.BadRequest, failed.Status);
        }
        var locked = await browser.SignInAsync(userName, password);
        Assert.False(locked.IsConsoleRedirect);
        Assert.Contains("locked", locked.Html, StringComparison.OrdinalIgnoreCase);
        var actions = await system.AuditActionsAsync(userName);
        Assert.Equal(4, actions.Count(a => a == "SignInFailed"));
        Assert.Equal(2, actions.Count(a => a == "LockedOut"));
        var staff = await system.ClientAsync(TestClients.Staff);
        var listed = (await staff.GetFromJsonAsync<JsonElement[]>("/api/gateway/users"))!.Single(u => u.GetProperty("userName").GetString() == userName);
        Assert.True(listed.GetProperty("lockedOut").GetBoolean());
    }

    [Fact]
    public async Task A_disabled_persons_token_is_refused_within_5_seconds_and_their_refresh_token_at_once()
    {
        var (userName, password) = await system.NewPersonAsync();
        using var browser = new Browser(system.GatewayUrl);
        var tokens = await browser.TokensAsync(userName, password);
        using var api = new HttpClient { BaseAddress = system.GatewayUrl };
        api.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        await api.GetAsync("/api/intake/requests").ShouldBe(HttpStatusCode.OK);

        var staff = await system.ClientAsync(TestClients.Staff);
        var disabled = await staff.PostAsync($"/api/gateway/users/{userName}/disable", null).ShouldBeJson(HttpStatusCode.OK);
        var clock = Stopwatch.StartNew();
        Assert.Equal(UserStatus.Disabled, disabled.GetProperty("status").GetString());
        await Eventually.TrueAsync(async () => (await api.GetAsync("/api/intake/requests")).StatusCode == HttpStatusCode.Unauthorized,
            timeout: TimeSpan.FromSeconds(5), what: "the disabled person's token to be refused");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        await browser.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!).ShouldBe(HttpStatusCode.BadRequest);
        // The gateway's session ends too: the console's next sign-in asks for the password again.
        await Eventually.TrueAsync(async () => (await browser.GetAsync(browser.AuthorizeUrl())).Html.Contains("name=\"password\"", StringComparison.Ordinal),
            timeout: TimeSpan.FromSeconds(5), what: "the disabled person's session to end");
        Assert.False((await browser.SignInAsync(userName, password)).IsConsoleRedirect);
        await staff.PostAsync($"/api/gateway/users/{userName}/disable", null).ShouldBe(HttpStatusCode.Conflict);

        await staff.PostAsync($"/api/gateway/users/{userName}/enable", null).ShouldBe(HttpStatusCode.OK);
        using var again = new Browser(system.GatewayUrl);
        Assert.True((await again.SignInAsync(userName, password)).IsConsoleRedirect);
        var actions = await system.AuditActionsAsync(userName);
        Assert.Equal(["SignedIn", "Enabled", "SignInFailed", "Disabled"], actions[..4]);
        var audit = await staff.GetFromJsonAsync<JsonElement[]>($"/api/gateway/users/{userName}/audit");
        Assert.Equal(TestClients.Staff.ClientId, audit!.Single(e => e.GetProperty("action").GetString() == "Disabled").GetProperty("actor").GetString());
        Assert.Equal(userName, audit!.First(e => e.GetProperty("action").GetString() == "SignedIn").GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Resetting_the_second_factor_sends_operations_back_to_enrolment_with_a_new_key()
    {
        var (userName, password) = await system.NewPersonAsync(Roles.Operations, null);
        using var browser = new Browser(system.GatewayUrl);
        var enrol = await browser.SignInAsync(userName, password);
        var first = KeyOn(enrol);
        Assert.True((await browser.SubmitAsync(enrol, new() { ["code"] = TestUsers.TotpCode(first, DateTimeOffset.UtcNow) })).IsConsoleRedirect);

        var staff = await system.ClientAsync(TestClients.Staff);
        var reset = await staff.PostAsync($"/api/gateway/users/{userName}/reset-second-factor", null).ShouldBeJson(HttpStatusCode.OK);
        Assert.False(reset.GetProperty("secondFactorEnabled").GetBoolean());
        using var again = new Browser(system.GatewayUrl);
        var second = KeyOn(await again.SignInAsync(userName, password));
        Assert.NotEqual(first, second);
        await staff.PostAsync("/api/gateway/users/no.one/reset-second-factor", null).ShouldBe(HttpStatusCode.NotFound);
        Assert.Contains("SecondFactorReset", await system.AuditActionsAsync(userName));
    }

    private static string KeyOn(Page enrolment)
    {
        Assert.Contains("otpauth://totp/", enrolment.Html);
        return System.Text.RegularExpressions.Regex.Match(enrolment.Html, "secret=([A-Z2-7]+)").Groups[1].Value;
    }

    [Fact]
    public async Task Inviting_lists_every_invalid_field_at_once()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var problem = await staff.PostAsJsonAsync("/api/gateway/users", new { userName = "NoDots", role = "king", email = "nope" })
            .ShouldBeJson(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("userName", out _));
        Assert.True(errors.TryGetProperty("role", out _));
        Assert.True(errors.TryGetProperty("email", out _));
        await staff.PostAsJsonAsync("/api/gateway/users", new { userName = TestUsers.Cted.UserName, role = Roles.Partner, party = "CTED" })
            .ShouldBe(HttpStatusCode.Conflict);
        var state = await system.ClientAsync(TestClients.StateKenya);
        await state.GetAsync("/api/gateway/users").ShouldBe(HttpStatusCode.Forbidden);
    }
}
