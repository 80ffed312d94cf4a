using Microsoft.EntityFrameworkCore;
using Npgsql;
using Programmes.Gateway.Persistence;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests.Operations;

/// <summary>A gateway database from before the dead-letter audit became a migration upgrades and keeps its audit.</summary>
public sealed class DeadLetterAuditUpgradeTests
{
    [Fact]
    public async Task The_migration_adopts_the_table_the_gateway_used_to_create_at_start_up()
    {
        await using var dataSource = NpgsqlDataSource.Create(await Infrastructure.CreateDatabaseAsync("gateway-upgrade"));
        // The table as earlier gateways created it at start-up, holding one recorded replay.
        await ExecuteAsync(dataSource, """
            CREATE TABLE dead_letter_audit (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at timestamptz NOT NULL, actor text NOT NULL, action text NOT NULL, queue text NOT NULL,
                message_id text NULL, message_ids text[] NOT NULL);
            INSERT INTO dead_letter_audit (at, actor, action, queue, message_id, message_ids)
            VALUES ('2026-11-26T10:00:00Z', 'demo-operations', 'Replayed', 'funding-payment-received_error', NULL, ARRAY['m1', 'm2']);
            """);

        await using (var db = new GatewayDb(new DbContextOptionsBuilder<GatewayDb>()
            .UseNpgsql(dataSource).UseSnakeCaseNamingConvention().UseOpenIddict().Options))
        {
            await db.Database.MigrateAsync();
        }

        // The old row is kept, new rows are numbered after it, and nothing of the old table is left over.
        await ExecuteAsync(dataSource, """
            INSERT INTO dead_letter_audit (at, actor, action, queue, message_ids)
            VALUES (now(), 'demo-operations', 'Discarded', 'planning-funds-allocated_error', ARRAY['m3'])
            """);
        await using var read = dataSource.CreateCommand(
            "SELECT actor || ' ' || action || ' ' || queue || ' ' || cardinality(message_ids) FROM dead_letter_audit ORDER BY id");
        await using var reader = await read.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        Assert.Equal(["demo-operations Replayed funding-payment-received_error 2", "demo-operations Discarded planning-funds-allocated_error 1"], rows);
        await using var leftover = dataSource.CreateCommand("SELECT to_regclass('dead_letter_audit_before_migrations') IS NULL");
        Assert.True((bool)(await leftover.ExecuteScalarAsync())!);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
