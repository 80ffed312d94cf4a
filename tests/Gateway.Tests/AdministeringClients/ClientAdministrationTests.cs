using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Gateway.Clients;
using Programmes.ServiceDefaults;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests.AdministeringClients;

[Collection(EdgeSystemCollection.Name)]
public sealed class ClientAdministrationTests(EdgeSystem system)
{
    [Fact]
    public async Task A_registered_client_gets_tokens_until_rotated_and_its_tokens_stop_working_once_revoked()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var clientId = NewClientId();
        var registered = await staff.PostAsJsonAsync("/api/gateway/clients",
                new { clientId, role = Roles.Staff, displayName = "Second programme office" })
            .ShouldBeJson(HttpStatusCode.Created);
        var firstSecret = registered.GetProperty("clientSecret").GetString()!;
        Assert.Equal(Roles.Staff, registered.GetProperty("party").GetString());

        var token = await RequestTokenAsync(clientId, firstSecret).ShouldBeJson(HttpStatusCode.OK);
        using var client = WithToken(token.GetProperty("access_token").GetString()!);
        await client.GetAsync("/api/planning/intake-items").ShouldNotBeRefused();

        var rotated = await staff.PostAsync($"/api/gateway/clients/{clientId}/secret", null).ShouldBeJson(HttpStatusCode.OK);
        var secondSecret = rotated.GetProperty("clientSecret").GetString()!;
        Assert.NotEqual(firstSecret, secondSecret);
        await RequestTokenAsync(clientId, firstSecret).ShouldBeRefusedAsInvalidClient();
        await RequestTokenAsync(clientId, secondSecret).ShouldBe(HttpStatusCode.OK);

        await staff.PostAsync($"/api/gateway/clients/{clientId}/revoke", null).ShouldBe(HttpStatusCode.OK);
        await RequestTokenAsync(clientId, secondSecret).ShouldBeRefusedAsInvalidClient();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/api/planning/intake-items")).StatusCode == HttpStatusCode.Unauthorized,
            what: "the revoked client's existing token to be refused");
        await staff.PostAsync($"/api/gateway/clients/{clientId}/revoke", null).ShouldBe(HttpStatusCode.Conflict);

        var list = await staff.GetFromJsonAsync<JsonElement[]>("/api/gateway/clients");
        var listed = Assert.Single(list!, c => c.GetProperty("clientId").GetString() == clientId);
        Assert.Equal("Revoked", listed.GetProperty("status").GetString());
        Assert.False(listed.TryGetProperty("clientSecret", out _));

        var audit = await staff.GetFromJsonAsync<JsonElement[]>($"/api/gateway/clients/{clientId}/audit");
        Assert.Equal(["Revoked", "SecretRotated", "Registered"], audit!.Select(e => e.GetProperty("action").GetString()));
        Assert.All(audit!, e => Assert.Equal(TestClients.Staff.ClientId, e.GetProperty("actor").GetString()));
        Assert.All(audit!, e => Assert.True(e.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
    }

    [Fact]
    public async Task Registering_lists_every_invalid_field_at_once()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var problem = await staff.PostAsJsonAsync("/api/gateway/clients", new { clientId = "No Spaces!", role = "king", party = "" })
            .ShouldBeJson(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("clientId", out _));
        Assert.True(errors.TryGetProperty("role", out _));
        Assert.True(errors.TryGetProperty("party", out _));

        var state = await staff.PostAsJsonAsync("/api/gateway/clients", new { clientId = NewClientId(), role = Roles.State, party = "XXX" })
            .ShouldBeJson(HttpStatusCode.BadRequest);
        Assert.True(state.GetProperty("errors").TryGetProperty("party", out _));
    }

    [Fact]
    public async Task A_client_party_must_name_a_known_party_of_its_role()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        async Task<string[]> RefusedAsync(string role, string party) =>
            [.. (await staff.PostAsJsonAsync("/api/gateway/clients", new { clientId = NewClientId(), role, party }).ShouldBeJson(HttpStatusCode.BadRequest))
                .GetProperty("errors").EnumerateObject().Select(e => e.Name)];

        Assert.Equal(["party"], await RefusedAsync(Roles.Donor, "not a donor code at all"));
        Assert.Equal(["party"], await RefusedAsync(Roles.Donor, "REGULAR-BUDGET"));
        Assert.Equal(["party"], await RefusedAsync(Roles.Partner, "NOT-A-PARTNER"));
        Assert.Equal(["party"], await RefusedAsync(Roles.State, "ZZZ"));

        // A donor client's party is a donor funding knows: refused before the donor is registered, accepted after.
        var code = $"DONOR-GW-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        Assert.Equal(["party"], await RefusedAsync(Roles.Donor, code));
        await staff.PostWithKeyAsync("/api/funding/donors", new { code, name = "Gateway test donor", kind = "Private" }).ShouldBe(HttpStatusCode.Created);
        var registered = await staff.PostAsJsonAsync("/api/gateway/clients", new { clientId = NewClientId(), role = Roles.Donor, party = code })
            .ShouldBeJson(HttpStatusCode.Created);
        Assert.Equal(code, registered.GetProperty("party").GetString());
        await staff.PostAsJsonAsync("/api/gateway/clients", new { clientId = NewClientId(), role = Roles.Partner, party = "INTERPOL" })
            .ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Registering_an_existing_client_id_conflicts()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        await staff.PostAsJsonAsync("/api/gateway/clients", new { clientId = TestClients.Cted.ClientId, role = Roles.Partner, party = "CTED" })
            .ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_staff_may_administer_clients()
    {
        foreach (var caller in new[] { TestClients.StateKenya, TestClients.Cted, TestClients.DonorNorway, TestClients.Operations })
        {
            var http = await system.ClientAsync(caller);
            await http.GetAsync("/api/gateway/clients").ShouldBe(HttpStatusCode.Forbidden);
            await http.PostAsJsonAsync("/api/gateway/clients", new { clientId = NewClientId(), role = Roles.Staff })
                .ShouldBe(HttpStatusCode.Forbidden);
        }
        await system.AnonymousClient().GetAsync("/api/gateway/clients").ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Rotating_or_revoking_an_unknown_client_is_not_found()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        await staff.PostAsync("/api/gateway/clients/nobody-here/secret", null).ShouldBe(HttpStatusCode.NotFound);
        await staff.PostAsync("/api/gateway/clients/nobody-here/revoke", null).ShouldBe(HttpStatusCode.NotFound);
    }

    private static string NewClientId() => $"admin-test-{Guid.NewGuid():N}"[..24];

    private Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret) =>
        system.AnonymousClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));

    private HttpClient WithToken(string token)
    {
        var http = system.AnonymousClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}

internal static class RefusalAssertions
{
    /// <summary>The token endpoint turned the client away (OAuth 2.0 error <c>invalid_client</c>).</summary>
    public static async Task ShouldBeRefusedAsInvalidClient(this Task<HttpResponseMessage> pending)
    {
        var response = await pending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized && body.Contains("invalid_client"),
            $"Expected invalid_client, got {(int)response.StatusCode}: {body}");
    }

    /// <summary>The call got past both layers of authorization (whatever the service then answered).</summary>
    public static async Task ShouldNotBeRefused(this Task<HttpResponseMessage> pending)
    {
        var response = await pending;
        Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)response.StatusCode < 500,
            $"Expected the call to get through, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
