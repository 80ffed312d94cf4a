using Npgsql;

namespace Programmes.Messaging;

/// <summary>
/// The outbox and inbox tables, identical in every service's database. Created idempotently at start-up
/// under an advisory lock, so several instances starting together do not race.
/// </summary>
public static class OutboxSchema
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";

    private const long SchemaLockKey = 0x5052_4F47_4F55_54L; // "PROGOUT"

    private static readonly string Ddl = $"""
        SELECT pg_advisory_xact_lock({SchemaLockKey});
        CREATE TABLE IF NOT EXISTS {OutboxTable} (
            id uuid PRIMARY KEY,
            sequence bigint GENERATED ALWAYS AS IDENTITY,
            aggregate_id text NOT NULL,
            message_type text NOT NULL,
            body jsonb NOT NULL,
            trace_parent text NULL,
            trace_state text NULL,
            created_at timestamptz NOT NULL,
            next_attempt_at timestamptz NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            last_error text NULL,
            sent_at timestamptz NULL
        );
        CREATE INDEX IF NOT EXISTS ix_{OutboxTable}_pending ON {OutboxTable} (sequence) WHERE sent_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_{OutboxTable}_pending_aggregate ON {OutboxTable} (aggregate_id, sequence) WHERE sent_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_{OutboxTable}_sent ON {OutboxTable} (sent_at) WHERE sent_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS {InboxTable} (
            message_id uuid NOT NULL,
            consumer text NOT NULL,
            processed_at timestamptz NOT NULL,
            PRIMARY KEY (message_id, consumer)
        );
        CREATE INDEX IF NOT EXISTS ix_{InboxTable}_processed_at ON {InboxTable} (processed_at);
        -- Earlier versions notified the relay from an insert trigger; NOTIFY serializes commits cluster-wide.
        DROP TRIGGER IF EXISTS {OutboxTable}_inserted ON {OutboxTable};
        DROP FUNCTION IF EXISTS {OutboxTable}_notify();
        """;

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(Ddl, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
