using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Programmes.Gateway.Tests.SigningIn;

/// <summary>
/// A person's browser, driven with HttpClient: a cookie jar, redirects followed by hand, forms read from the page
/// (antiforgery token included) and posted back. Plays the console too: starts the code flow with PKCE and
/// exchanges the code for tokens with the console's secret.
/// </summary>
internal sealed partial class Browser : IDisposable
{
    public const string ConsoleSecret = "console-dev-secret";
    private readonly Uri _gateway;
    private readonly HttpClient _http;
    private readonly string _verifier = Base64Url(RandomNumberGenerator.GetBytes(32));

    public Browser(Uri gateway)
    {
        _gateway = gateway;
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = gateway };
    }

    public CookieContainer Cookies { get; }

    public string RedirectUri => new Uri(_gateway, "signin-oidc").ToString();

    /// <summary>The console's authorization request, as its OpenID Connect handler sends the browser to it.</summary>
    public string AuthorizeUrl(string scope = "openid profile offline_access") =>
        "/connect/authorize?client_id=console&response_type=code&scope=" + Uri.EscapeDataString(scope)
        + "&redirect_uri=" + Uri.EscapeDataString(RedirectUri) + "&state=s1&code_challenge_method=S256&code_challenge="
        + Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(_verifier)));

    /// <summary>Follows redirects from <paramref name="url"/> until a page answers, or the browser is sent to the console.</summary>
    public async Task<Page> GetAsync(string url)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            if (url.StartsWith(RedirectUri, StringComparison.Ordinal))
            {
                return new Page(HttpStatusCode.Redirect, "", url);
            }
            using var response = await _http.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                url = new Uri(_gateway, response.Headers.Location!).ToString();
                continue;
            }
            return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), url);
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    /// <summary>Posts the page's form with <paramref name="fields"/> (and its antiforgery token unless told not to), then follows redirects.</summary>
    public async Task<Page> SubmitAsync(Page page, Dictionary<string, string> fields, bool withAntiforgery = true)
    {
        var form = FormPattern().Match(page.Html);
        Assert.True(form.Success, $"No form on {page.Url}: {page.Html}");
        var action = WebUtility.HtmlDecode(form.Groups["action"].Value);
        if (withAntiforgery)
        {
            var token = TokenPattern().Match(page.Html);
            fields = new Dictionary<string, string>(fields) { [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value) };
        }
        using var response = await _http.PostAsync(action, new FormUrlEncodedContent(fields));
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
        {
            return await GetAsync(new Uri(_gateway, response.Headers.Location!).ToString());
        }
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), action);
    }

    /// <summary>The console's side: the code from the redirect, exchanged at the token endpoint with PKCE and the secret.</summary>
    public async Task<HttpResponseMessage> RedeemAsync(Page redirected, string? verifier = null)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(redirected.Url).Query);
        Assert.Equal("s1", query["state"]);
        return await _http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = query["code"] ?? throw new InvalidOperationException($"No code in {redirected.Url}"),
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier ?? _verifier,
            ["client_id"] = "console",
            ["client_secret"] = ConsoleSecret,
        }));
    }

    public async Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        await _http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = "console",
            ["client_secret"] = ConsoleSecret,
        }));

    /// <summary>The payload of a JWT, unverified (the gateway and services verify it when it is used).</summary>
    public static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonDocument.Parse(Convert.FromBase64String(part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '='))).RootElement;
    }

    public static async Task<JsonElement> TokensOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return (await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]*)\"")]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex TokenPattern();
}

internal sealed record Page(HttpStatusCode Status, string Html, string Url)
{
    public bool IsConsoleRedirect => Status == HttpStatusCode.Redirect;
}
