using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Programmes.Messaging;
using Programmes.RequestIntake.Persistence;
using Programmes.Testing;
using Xunit;

namespace Programmes.RequestIntake.Tests.Persistence;

/// <summary>
/// A database from before the migrations owned the outbox, inbox and Idempotency-Key tables (start-up SQL
/// created them) upgrades in place: its unsent events, inbox and keys stay, and the migration's model fits it.
/// The shared adoption SQL is the same in every service; intake has all three tables.
/// </summary>
public sealed class MessagingTablesUpgradeTests
{
    // What earlier versions ran at start-up, including the trigger of still earlier ones, verbatim.
    private const string StartUpSqlOfEarlierVersions = """
        CREATE TABLE outbox_messages (
            id uuid PRIMARY KEY, sequence bigint GENERATED ALWAYS AS IDENTITY, aggregate_id text NOT NULL,
            message_type text NOT NULL, body jsonb NOT NULL, trace_parent text NULL, trace_state text NULL,
            created_at timestamptz NOT NULL, next_attempt_at timestamptz NOT NULL, attempts integer NOT NULL DEFAULT 0,
            last_error text NULL, sent_at timestamptz NULL);
        CREATE INDEX ix_outbox_messages_pending ON outbox_messages (sequence) WHERE sent_at IS NULL;
        CREATE INDEX ix_outbox_messages_pending_aggregate ON outbox_messages (aggregate_id, sequence) WHERE sent_at IS NULL;
        CREATE INDEX ix_outbox_messages_sent ON outbox_messages (sent_at) WHERE sent_at IS NOT NULL;
        CREATE TABLE inbox_messages (
            message_id uuid NOT NULL, consumer text NOT NULL, processed_at timestamptz NOT NULL, PRIMARY KEY (message_id, consumer));
        CREATE INDEX ix_inbox_messages_processed_at ON inbox_messages (processed_at);
        CREATE TABLE idempotency_keys (
            client_id character varying(200) NOT NULL, key character varying(255) NOT NULL, request_hash character varying(64) NOT NULL,
            status_code integer NULL, location text NULL, response_body text NULL, created_at timestamp with time zone NOT NULL,
            CONSTRAINT pk_idempotency_keys PRIMARY KEY (client_id, key));
        CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at);
        CREATE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$;
        CREATE TRIGGER outbox_messages_inserted AFTER INSERT ON outbox_messages FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify();
        INSERT INTO outbox_messages (id, aggregate_id, message_type, body, created_at, next_attempt_at)
        VALUES ('0193a000-0000-7000-8000-000000000001', 'request-1', 'Old', '{}', now(), now());
        INSERT INTO inbox_messages VALUES ('0193a000-0000-7000-8000-000000000002', 'SomeConsumer', now());
        INSERT INTO idempotency_keys (client_id, key, request_hash, created_at) VALUES ('test-state-ken', 'k1', 'h', now());
        """;

    [Fact]
    public async Task The_migration_adopts_the_tables_start_up_SQL_created_with_their_rows()
    {
        await using var dataSource = NpgsqlDataSource.Create(await Infrastructure.CreateDatabaseAsync("intake-upgrade"));
        await using (var db = NewDb(dataSource))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_MessagingTablesInMigrations", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
        }
        await ExecuteAsync(dataSource, StartUpSqlOfEarlierVersions);

        await using (var db = NewDb(dataSource))
        {
            await db.Database.MigrateAsync();
            // The model writes to the adopted table: a new event is numbered after the old one.
            db.AddEvent(new UpgradeProbe("new"), "request-2");
            await db.SaveChangesAsync();
        }

        Assert.Equal("request-1,request-2", await ScalarAsync(dataSource, "SELECT string_agg(aggregate_id, ',' ORDER BY sequence) FROM outbox_messages"));
        Assert.Equal("1 1", await ScalarAsync(dataSource, "SELECT (SELECT count(*) FROM inbox_messages) || ' ' || (SELECT count(*) FROM idempotency_keys)"));
        Assert.Equal("pk_inbox_messages,pk_outbox_messages", await ScalarAsync(dataSource,
            "SELECT string_agg(conname, ',' ORDER BY conname) FROM pg_constraint WHERE contype = 'p' AND conrelid IN ('outbox_messages'::regclass, 'inbox_messages'::regclass)"));
        Assert.Equal("0", await ScalarAsync(dataSource, "SELECT count(*) FROM pg_trigger WHERE tgname = 'outbox_messages_inserted'"));
    }

    private static IntakeDb NewDb(NpgsqlDataSource dataSource) =>
        new(new DbContextOptionsBuilder<IntakeDb>().UseNpgsql(dataSource).UseSnakeCaseNamingConvention().Options);

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}

/// <summary>An event of the test's own, written through the model after the upgrade.</summary>
internal sealed record UpgradeProbe(string Note);
