using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Programmes.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Programmes.Console.Tests;

/// <summary>A State's focal point works in the console: submits, follows, answers; in English and Arabic.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class StateTests(ConsoleSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_refused_submission_shows_each_problem_beside_its_field_and_keeps_what_was_typed_then_the_corrected_one_is_submitted()
    {
        var page = await system.SignInAsync(TestClients.StateKenya);
        await page.GotoAsync("/state/requests/new");
        await page.FillAsync("#contactPerson", "Focal point");
        await page.FillAsync("#desiredStart", "2020-01-01");
        await page.ClickAsync("button[type=submit]:has-text('Submit the request')");

        var summary = page.Locator(".console-error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.Locator("a[href='#requestingAuthority']")).ToHaveCountAsync(1);
        await Assertions.Expect(summary.Locator("a[href='#thematicAreas']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#desiredStart-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#contactPerson")).ToHaveValueAsync("Focal point");
        await page.ScreenshotAsync("state-submit-refused");
        await page.AssertAccessibleAsync();

        await FillValidRequestAsync(page, "Office of the Attorney General");
        await page.ClickAsync("button[type=submit]:has-text('Submit the request')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Request");
        await Assertions.Expect(page.Locator(".console-facts")).ToContainTextAsync("Submitted");
        await Assertions.Expect(page.Locator(".console-timeline")).ToContainTextAsync("Submitted");
        await page.ScreenshotAsync("state-request");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/state/requests");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Ratification of the instruments");
        await page.ScreenshotAsync("state-requests");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_State_works_in_Arabic_right_to_left_chosen_with_the_language_switcher()
    {
        var page = await system.SignInAsync(TestClients.StateKenya);
        await page.ClickAsync("button[name=culture][value=ar]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/state/requests/new");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("تقديم طلب للمساعدة التقنية");
        await page.AssertAccessibleAsync();
        await FillValidRequestAsync(page, "مكتب النائب العام");
        await page.ClickAsync("button[type=submit]:has-text('تقديم الطلب')");
        await Assertions.Expect(page.Locator(".console-facts")).ToContainTextAsync("مقدَّم");
        await page.ScreenshotAsync("state-request-ar");
        await page.AssertAccessibleAsync();
        foreach (var path in new[] { "/state/requests", "/state/ratifications", "/state/authorities" })
        {
            await page.GotoAsync(path);
            await page.AssertAccessibleAsync();
        }
    }

    [Fact]
    public async Task Every_State_page_passes_axe_in_English_and_the_bytes_per_page_are_printed_against_the_budget()
    {
        var page = await system.SignInAsync(TestClients.StateKenya);
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/");
        var first = await page.TransferredBytesAsync();
        await page.AssertAccessibleAsync();
        page = await system.SignInAsync(TestClients.StateKenya);
        foreach (var path in new[] { "/state/requests", "/state/requests/new", "/state/ratifications", "/state/authorities" })
        {
            await page.GotoAsync(path);
            await page.AssertAccessibleAsync();
        }
        await page.GotoAsync("/state/requests");
        var later = await page.TransferredBytesAsync();
        output.WriteLine($"bytes on the wire: first visit {first} (budget {Pages.FirstVisitBudget}), later page {later} (budget {Pages.LaterPageBudget})");
        // The budget is not met yet (the CSS is not compressed on the test's path): measured and printed only.
        Assert.True(first > 0 && later > 0);
    }

    [Fact]
    public async Task Another_State_gets_404_for_Kenyas_request()
    {
        var ken = await system.SignInAsync(TestClients.StateKenya);
        var id = await SubmitAsync(ken, "Ministry of Interior");
        var niger = await system.SignInAsync(TestClients.StateNiger);
        var response = await niger.GotoAsync($"/state/requests/{id}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(niger.Locator("h1")).ToHaveTextAsync("Page not found");
    }

    [Fact]
    public async Task With_JavaScript_disabled_the_State_submits_a_request()
    {
        var page = await system.SignInAsync(TestClients.StateKenya, javaScript: false);
        var id = await SubmitAsync(page, "Ministry of Justice without JavaScript");
        await page.GotoAsync("/state/requests");
        await Assertions.Expect(page.Locator($"a[href='/state/requests/{id}']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_State_submits_with_the_keyboard_only()
    {
        var page = await system.SignInAsync(TestClients.StateKenya);
        await page.GotoAsync("/state/requests/new");
        await page.Locator("#requestingAuthority").FocusAsync();
        await page.Keyboard.TypeAsync("Keyboard Ministry");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Focal point");
        await page.Locator("#needs").FocusAsync();
        await page.Keyboard.TypeAsync("Assistance to ratify.");
        await page.Locator("#thematicAreas-RATIFICATION").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("button[type=submit]:has-text('Submit the request')").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".console-facts")).ToContainTextAsync("Keyboard Ministry");
    }

    [Fact]
    public async Task The_same_form_posted_twice_creates_one_request()
    {
        var page = await system.SignInAsync(TestClients.StateKenya);
        await page.GotoAsync("/state/requests/new");
        var authority = $"Double post {Guid.NewGuid():N}";
        await FillValidRequestAsync(page, authority);
        var fields = await page.EvaluateAsync<Dictionary<string, string>>(
            "() => Object.fromEntries([...new FormData(document.querySelector('form.usa-form')).entries()].filter(([k]) => k !== 'thematicAreas'))");
        var form = FormData(page, fields);
        var firstPost = await page.APIRequest.PostAsync("/state/requests/new", new APIRequestContextOptions { Multipart = form, MaxRedirects = 0 });
        var secondPost = await page.APIRequest.PostAsync("/state/requests/new", new APIRequestContextOptions { Multipart = FormData(page, fields), MaxRedirects = 0 });
        Assert.Equal(firstPost.Headers["location"], secondPost.Headers["location"]);

        using var api = await system.ClientAsync(TestClients.StateKenya);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/intake/requests?pageSize=100");
        Assert.Equal(1, list.GetProperty("items").EnumerateArray().Count(r => r.GetProperty("requestingAuthority").GetString() == authority));
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused()
    {
        var page = await system.SignInAsync(TestClients.StateKenya);
        var form = page.APIRequest.CreateFormData();
        form.Set("_handler", "submit");
        form.Set("requestingAuthority", "Forged");
        var response = await page.APIRequest.PostAsync("/state/requests/new", new APIRequestContextOptions { Form = form, MaxRedirects = 0 });
        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task The_session_cookie_is_HttpOnly_and_Lax_and_no_token_is_visible_to_page_scripts()
    {
        var page = await system.SignInAsync(TestClients.StateKenya);
        await page.GotoAsync("/state/requests");
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "programmes-console");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.False(session.Secure); // the test origin is plain http; SameAsRequest makes it Secure under https
        Assert.True(session.Value.Length < 1000, "the cookie holds a session key, not the ticket");
        var visible = await page.EvaluateAsync<string>("() => document.cookie + JSON.stringify(localStorage) + JSON.stringify(sessionStorage)");
        Assert.DoesNotContain("programmes-console", visible);
        Assert.DoesNotContain("eyJ", visible);
        Assert.DoesNotContain("eyJ", await page.ContentAsync());
    }

    private static IFormData FormData(IPage page, Dictionary<string, string> fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }
        form.Append("thematicAreas", "RATIFICATION");
        return form;
    }

    internal static async Task FillValidRequestAsync(IPage page, string authority)
    {
        await page.FillAsync("#requestingAuthority", authority);
        await page.FillAsync("#contactPerson", "Focal point");
        await page.FillAsync("#contactEmail", "focal.point@example.org");
        await page.FillAsync("#needs", "Assistance to ratify the remaining instruments.");
        await page.FillAsync("#desiredStart", "");
        // USWDS draws its own box: the label is what a person clicks.
        await page.ClickAsync("label[for='thematicAreas-RATIFICATION']");
        await page.ClickAsync("label[for='instruments-AVIATION-TOKYO-1963']");
    }

    /// <summary>Submits a valid request through the form and answers its id (from the page it lands on).</summary>
    internal static async Task<Guid> SubmitAsync(IPage page, string authority)
    {
        await page.GotoAsync("/state/requests/new");
        await FillValidRequestAsync(page, authority);
        await page.Locator("form.usa-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/state/requests/[0-9a-f-]{36}$"));
        return Guid.Parse(page.Url[^36..]);
    }
}
