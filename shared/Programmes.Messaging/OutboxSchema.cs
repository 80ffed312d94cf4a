using Microsoft.EntityFrameworkCore.Migrations;

namespace Programmes.Messaging;

/// <summary>
/// The outbox and inbox tables, identical in every service's database. Each service's EF migrations create
/// them (the model is <see cref="OutboxDbContextExtensions.AddOutboxAndInbox"/>).
/// </summary>
public static class OutboxSchema
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";

    /// <summary>
    /// The body of each service's migration that took the tables over from the start-up DDL of earlier versions.
    /// A database those versions created already has them: they are adopted as they are (same columns and
    /// indexes; the keys get the names EF gives them), and the insert trigger of still earlier versions, which
    /// notified the relay and serialized commits cluster-wide, is dropped. A new database gets them from here.
    /// Frozen: a later change to these tables is a new migration of its own.
    /// </summary>
    public static void AdoptOutboxAndInbox(MigrationBuilder migrationBuilder) => migrationBuilder.Sql($"""
        CREATE TABLE IF NOT EXISTS {OutboxTable} (
            id uuid NOT NULL,
            sequence bigint GENERATED ALWAYS AS IDENTITY,
            aggregate_id text NOT NULL,
            message_type text NOT NULL,
            body jsonb NOT NULL,
            trace_parent text NULL,
            trace_state text NULL,
            created_at timestamp with time zone NOT NULL,
            next_attempt_at timestamp with time zone NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            last_error text NULL,
            sent_at timestamp with time zone NULL,
            CONSTRAINT pk_{OutboxTable} PRIMARY KEY (id)
        );
        CREATE INDEX IF NOT EXISTS ix_{OutboxTable}_pending ON {OutboxTable} (sequence) WHERE sent_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_{OutboxTable}_pending_aggregate ON {OutboxTable} (aggregate_id, sequence) WHERE sent_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_{OutboxTable}_sent ON {OutboxTable} (sent_at) WHERE sent_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS {InboxTable} (
            message_id uuid NOT NULL,
            consumer text NOT NULL,
            processed_at timestamp with time zone NOT NULL,
            CONSTRAINT pk_{InboxTable} PRIMARY KEY (message_id, consumer)
        );
        CREATE INDEX IF NOT EXISTS ix_{InboxTable}_processed_at ON {InboxTable} (processed_at);
        DROP TRIGGER IF EXISTS {OutboxTable}_inserted ON {OutboxTable};
        DROP FUNCTION IF EXISTS {OutboxTable}_notify();
        {RenameConstraint(OutboxTable, $"{OutboxTable}_pkey", $"pk_{OutboxTable}")}
        {RenameConstraint(InboxTable, $"{InboxTable}_pkey", $"pk_{InboxTable}")}
        """);

    /// <summary>SQL that renames a table's constraint if it still has the name PostgreSQL gave it.</summary>
    private static string RenameConstraint(string table, string from, string to) => $"""
        DO $$
        BEGIN
            IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '{from}' AND conrelid = '{table}'::regclass) THEN
                ALTER TABLE {table} RENAME CONSTRAINT {from} TO {to};
            END IF;
        END $$;
        """;
}
