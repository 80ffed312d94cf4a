using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Programmes.Gateway.Clients;
using Programmes.Testing;
using Xunit;

namespace Programmes.EndToEnd.Tests;

/// <summary>The rules the audit test checks on what the journey left behind.</summary>
internal static class AuditJourney
{
    /// <summary>Each service's audit of one journey object, read by every role: owners see it, staff see all, others 404 or 403.</summary>
    public static async Task AssertObjectLevelRulesAsync(TestSystem system, Journey ids)
    {
        // Roles besides staff that each service's audit read admits at all; any other role gets 403.
        var cases = new (string Service, string ObjectId, DemoClient Owner, DemoClient Foreigner, string[] Admitted)[]
        {
            ("intake", ids.RequestId.ToString(), TestClients.StateKenya, TestClients.StateNiger, ["state", "partner"]),
            ("planning", ids.ProgrammeId.ToString(), TestClients.StateKenya, TestClients.StateNiger, ["state"]),
            ("coordination", $"{ids.RoundId}/CTED", TestClients.Cted, TestClients.Interpol, ["partner"]),
            ("funding", ids.PaymentId.ToString(), TestClients.DonorNorway, TestClients.DonorJapan, ["donor"]),
        };
        var roles = new[] { TestClients.StateKenya, TestClients.Cted, TestClients.DonorNorway, TestClients.Staff, TestClients.Operations };
        foreach (var (service, objectId, owner, foreigner, admitted) in cases)
        {
            var url = $"/api/{service}/audit?objectId={Uri.EscapeDataString(objectId)}";
            foreach (var client in roles)
            {
                var http = await system.ClientAsync(client);
                var expected = client == owner || client == TestClients.Staff ? HttpStatusCode.OK
                    : admitted.Contains(client.Role) ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
                var response = await http.GetAsync(url).ShouldBe(expected);
                if (expected == HttpStatusCode.OK)
                {
                    Assert.NotEqual(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
                }
            }
            var foreign = await system.ClientAsync(foreigner);
            await foreign.GetAsync(url).ShouldBe(HttpStatusCode.NotFound);
            var all = await AuditJourneyTests.EntriesAsync(foreign, service, "");
            Assert.DoesNotContain(all, e => e.GetProperty("objectId").GetString() == objectId);
        }
    }

    /// <summary>Every database refuses to change or remove an audit row, whatever the statement.</summary>
    public static async Task AssertAppendOnlyAsync(TestSystem system)
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var clientId = $"audit-{Guid.NewGuid():N}"[..20];
        await staff.PostAsJsonAsync("/api/gateway/clients", new { clientId, role = "staff", displayName = "Audited" }).ShouldBe(HttpStatusCode.Created);
        var gatewayAudit = await staff.GetFromJsonAsync<JsonElement[]>($"/api/gateway/clients/{clientId}/audit");
        Assert.Equal("test-staff", Assert.Single(gatewayAudit!).GetProperty("actor").GetString());

        foreach (var (database, connectionString) in system.ConnectionStrings)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var before = await CountAsync(connection);
            Assert.True(before > 0, $"{database} has audit entries");
            foreach (var statement in new[] { "UPDATE audit_entries SET action = 'Tampered'", "DELETE FROM audit_entries", "TRUNCATE audit_entries" })
            {
                await using var command = new NpgsqlCommand(statement, connection);
                var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
                Assert.Equal("42501", refused.SqlState);
            }
            Assert.Equal(before, await CountAsync(connection));
        }
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM audit_entries", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
