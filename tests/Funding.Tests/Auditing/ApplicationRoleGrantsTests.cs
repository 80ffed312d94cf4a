using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Programmes.Auditing;
using Programmes.Funding.Persistence;
using Programmes.Testing;
using Xunit;

namespace Programmes.Funding.Tests.Auditing;

/// <summary>
/// Defence in depth beside the trigger: where the services run as a role of their own (<c>Database:ApplicationRole</c>),
/// the migration step leaves that role only INSERT and SELECT on audit_entries, whatever it was granted before.
/// </summary>
public sealed class ApplicationRoleGrantsTests(FundingSystem system) : IClassFixture<FundingSystem>
{
    private const string InsertEntry = """
        INSERT INTO audit_entries (id, at, actor_client_id, actor_role, actor_party, action, object_type, object_id, readers)
        VALUES (gen_random_uuid(), now(), 'app', 'service', 'funding', 'GrantsTest', 'pledge', 'x', '{}')
        """;

    [Fact]
    public async Task The_application_role_may_insert_and_read_audit_rows_but_its_update_delete_and_truncate_are_denied()
    {
        var role = $"funding_app_{Guid.NewGuid():N}"[..24];
        await AsOwnerAsync($"CREATE ROLE {role} LOGIN PASSWORD 'app-secret'; GRANT ALL ON audit_entries TO {role};");
        await using var app = await ConnectAsync(role);

        // With every grant, only the trigger stands in the way.
        var byTrigger = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app, "TRUNCATE audit_entries"));
        Assert.Equal((AuditSchema.RefusedState, true), (byTrigger.SqlState, byTrigger.MessageText.Contains("append-only", StringComparison.Ordinal)));

        await GrantAsync(role);

        Assert.Equal(1, await ExecuteAsync(app, InsertEntry));
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM audit_entries WHERE action = 'GrantsTest'", app))
        {
            Assert.Equal(1L, await count.ExecuteScalarAsync());
        }
        foreach (var statement in new[] { "UPDATE audit_entries SET action = 'Tampered'", "DELETE FROM audit_entries", "TRUNCATE audit_entries" })
        {
            var denied = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app, statement));
            Assert.Equal(AuditSchema.RefusedState, denied.SqlState);
            Assert.StartsWith("permission denied for table audit_entries", denied.MessageText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_configured_role_that_does_not_exist_changes_nothing_and_a_name_that_is_not_a_plain_role_is_refused()
    {
        await GrantAsync("no_such_role_here");

        Assert.Throws<ArgumentException>(() => AuditSchema.AppendOnlyGrantsSql("app\"; DROP TABLE audit_entries; --"));
        await AsOwnerAsync("SELECT count(*) FROM audit_entries");
    }

    /// <summary>What the migration step runs when <c>Database:ApplicationRole</c> names the role.</summary>
    private async Task GrantAsync(string role)
    {
        await using var scope = system.ServiceApps[Services.Funding].Services.CreateAsyncScope();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(AuditSchema.ApplicationRoleSetting, role)]).Build();
        await scope.ServiceProvider.GetRequiredService<FundingDb>().GrantAuditToApplicationRoleAsync(configuration);
    }

    private async Task AsOwnerAsync(string sql)
    {
        await using var owner = new NpgsqlConnection(system.ConnectionStrings["funding"]);
        await owner.OpenAsync();
        await ExecuteAsync(owner, sql);
    }

    private async Task<NpgsqlConnection> ConnectAsync(string role)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(system.ConnectionStrings["funding"])
        {
            Username = role,
            Password = "app-secret",
            Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
