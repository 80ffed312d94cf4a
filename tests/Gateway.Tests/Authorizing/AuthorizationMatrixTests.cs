using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Programmes.Gateway.Clients;
using Programmes.ServiceDefaults;
using Programmes.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Programmes.Gateway.Tests.Authorizing;

/// <summary>
/// Every <c>/api/**</c> endpoint of every app, called through the gateway by every role and by four kinds of
/// caller that must never get in. Writes the matrix to <c>gateway/authorization-matrix.md</c>.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public sealed class AuthorizationMatrixTests(WholeSystem system, ITestOutputHelper output)
{
    private static readonly (string Role, DemoClient Client)[] RoleClients =
    [
        (Roles.State, TestClients.StateKenya),
        (Roles.Partner, TestClients.Cted),
        (Roles.Donor, TestClients.DonorNorway),
        (Roles.Staff, TestClients.Staff),
        (Roles.Operations, TestClients.Operations),
    ];

    private static readonly string[] Intruders = ["no token", "expired", "foreign key", "revoked"];

    [Fact]
    public async Task Every_route_answers_each_role_and_each_intruder_as_the_two_layers_of_policy_say()
    {
        var endpoints = new List<PublicEndpoint>(await EndpointCatalogue.ReadAsync("gateway", system.Gateway, isGateway: true));
        foreach (var (service, app) in system.ServiceApps.OrderBy(s => s.Key))
        {
            endpoints.AddRange(await EndpointCatalogue.ReadAsync(TestSystem.ClusterOf(service), app, isGateway: false));
        }
        Assert.Contains(endpoints, e => e.Owner == "intake");
        Assert.Contains(endpoints, e => e.Owner == "planning");

        var columns = new List<(string Name, string? Token)>();
        foreach (var (role, client) in RoleClients)
        {
            columns.Add((role, await system.TokenAsync(client)));
        }
        columns.AddRange(Intruders.Zip(await IntruderTokensAsync(), (name, token) => (name, token)));

        // Columns run in parallel, each column's calls one after another.
        var cells = await Task.WhenAll(columns.Select(column => CallAllAsync(endpoints, column.Token)));

        var failures = new List<string>();
        var table = new StringBuilder();
        table.AppendLine($"| Method | Route | {string.Join(" | ", columns.Select(c => c.Name))} |");
        table.AppendLine($"|---|---|{string.Concat(columns.Select(_ => "---|"))}");
        for (var row = 0; row < endpoints.Count; row++)
        {
            var endpoint = endpoints[row];
            table.Append($"| {endpoint.Method} | `{endpoint.Pattern}` |");
            for (var column = 0; column < columns.Count; column++)
            {
                var (status, body) = cells[column][row];
                var name = columns[column].Name;
                var expected = Intruders.Contains(name) ? "401"
                    : !endpoint.GatewayRoles.Contains(name) ? "403"
                    : !endpoint.Admits(name) ? "403"
                    : "not 401/403/5xx";
                var ok = expected switch
                {
                    "401" => status == 401,
                    "403" => status == 403,
                    _ => status is not (401 or 403) && status < 500,
                };
                if (!ok)
                {
                    failures.Add($"{endpoint.Method} {endpoint.Pattern} as {name}: expected {expected}, got {status} {body}");
                }
                table.Append($" {status}{(ok ? "" : " ✗")} |");
            }
            table.AppendLine();
        }
        await File.WriteAllTextAsync(MatrixFile(), Legend + table);
        output.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task A_real_token_resigned_unchanged_with_the_gateways_key_is_accepted_so_the_forgeries_prove_their_point()
    {
        using var key = await ForgedTokens.GatewayKeyAsync(system.ConnectionStrings["gateway"]);
        var token = ForgedTokens.Resign(await system.TokenAsync(TestClients.Staff), key);
        using var http = WithToken(token);
        await http.GetAsync("/api/gateway/clients").ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Intruders_get_a_401_problem_naming_no_secret()
    {
        foreach (var token in await IntruderTokensAsync())
        {
            using var http = WithToken(token);
            var response = await http.GetAsync("/api/gateway/clients").ShouldBe(HttpStatusCode.Unauthorized);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>No token, an expired token, a token signed by another key, and a token of a revoked client.</summary>
    private async Task<string?[]> IntruderTokensAsync()
    {
        var staffToken = await system.TokenAsync(TestClients.Staff);
        using var gatewayKey = await ForgedTokens.GatewayKeyAsync(system.ConnectionStrings["gateway"]);
        using var otherKey = RSA.Create(2048);
        var expired = ForgedTokens.Resign(staffToken, gatewayKey, TimeSpan.FromHours(-2));
        var foreign = ForgedTokens.Resign(staffToken, otherKey);
        return [null, expired, foreign, await RevokedClientTokenAsync()];
    }

    /// <summary>A staff client registered, used once successfully, then revoked; its token must then be refused.</summary>
    private async Task<string> RevokedClientTokenAsync()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var clientId = $"matrix-revoked-{Guid.NewGuid():N}"[..30];
        var registered = await staff.PostAsJsonAsync("/api/gateway/clients", new { clientId, role = Roles.Staff, displayName = "Revoked in the matrix" })
            .ShouldBeJson(HttpStatusCode.Created);
        var token = await system.TokenAsync(new DemoClient(clientId, registered.GetProperty("clientSecret").GetString()!, Roles.Staff, "staff", null));
        using var revoked = WithToken(token);
        await revoked.GetAsync("/api/gateway/clients").ShouldBe(HttpStatusCode.OK);
        await staff.PostAsync($"/api/gateway/clients/{clientId}/revoke", null).ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => (await revoked.GetAsync("/api/gateway/clients")).StatusCode == HttpStatusCode.Unauthorized,
            what: "the revoked client's token to be refused");
        return token;
    }

    private async Task<(int Status, string Body)[]> CallAllAsync(IReadOnlyList<PublicEndpoint> endpoints, string? token)
    {
        using var http = WithToken(token);
        var results = new (int, string)[endpoints.Count];
        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), EndpointCatalogue.PathFor(endpoint.Pattern));
            if (endpoint.Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, endpoint.ContentType);
            }
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            results[i] = ((int)response.StatusCode, body.Length > 300 ? body[..300] : body);
        }
        return results;
    }

    private HttpClient WithToken(string? token)
    {
        var http = system.AnonymousClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }

    private static string MatrixFile()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Programmes.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Programmes.sln not found above the test output."),
            "gateway", "authorization-matrix.md");
    }

    private const string Legend = """
        # Authorization matrix

        Generated by `tests/Gateway.Tests` (`AuthorizationMatrixTests`): every `/api/**` endpoint of every app, read
        from the running apps' endpoint metadata, called through the gateway with each role's token, with no token,
        an expired token, a token signed by another key and a revoked client's token. Route parameters are random
        ids, POST/PUT bodies are `{}`. Expected: intruders 401; a role the gateway's route prefix does not admit
        403 (gateway); a role the endpoint does not admit 403 (service); otherwise anything but 401/403/5xx
        (400 for the empty body, 404 for the random id, 200 for lists). ✗ marks a cell that broke the rule.

        A person signed in through the console holds a token with exactly the role, party, audience and issuer of a
        client of the same role and party (tested in `SigningIn/`), so each role's column holds for people too; a
        disabled person's token is refused like a revoked client's.


        """;
}
