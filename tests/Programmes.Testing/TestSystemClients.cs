using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Gateway.Clients;

namespace Programmes.Testing;

/// <summary>Clients of the system: through the gateway, with a real token of a demo client or none.</summary>
public partial class TestSystem
{
    /// <summary>An HttpClient on the gateway carrying a fresh token of <paramref name="client"/>.</summary>
    public async Task<HttpClient> ClientAsync(DemoClient client)
    {
        var http = new HttpClient { BaseAddress = GatewayUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));
        return http;
    }

    /// <summary>An HttpClient on the gateway with no token.</summary>
    public HttpClient AnonymousClient() => new() { BaseAddress = GatewayUrl };

    public async Task<string> TokenAsync(DemoClient client)
    {
        lock (_tokens)
        {
            if (_tokens.TryGetValue(client.ClientId, out var cached))
            {
                return cached;
            }
        }
        using var http = AnonymousClient();
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
        }));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Token for {client.ClientId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        lock (_tokens)
        {
            _tokens[client.ClientId] = token;
        }
        return token;
    }
}
