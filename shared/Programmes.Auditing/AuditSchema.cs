using Microsoft.EntityFrameworkCore.Migrations;

namespace Programmes.Auditing;

/// <summary>
/// The audit table is append-only in the database itself, not merely in our code: a trigger refuses every
/// UPDATE, DELETE and TRUNCATE, whoever sends it (a bug, a hand-typed statement, a compromised service).
/// </summary>
public static class AuditSchema
{
    public const string Table = "audit_entries";

    /// <summary>SQLSTATE of the refusal: insufficient_privilege.</summary>
    public const string RefusedState = "42501";

    private const string AppendOnlySql = $"""
        CREATE OR REPLACE FUNCTION {Table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit entries are append-only: % refused', TG_OP USING ERRCODE = '{RefusedState}';
        END
        $$;
        CREATE TRIGGER {Table}_no_change BEFORE UPDATE OR DELETE ON {Table}
            FOR EACH ROW EXECUTE FUNCTION {Table}_append_only();
        CREATE TRIGGER {Table}_no_truncate BEFORE TRUNCATE ON {Table}
            FOR EACH STATEMENT EXECUTE FUNCTION {Table}_append_only();
        """;

    /// <summary>Call in the migration that creates <see cref="Table"/>, after its CreateTable.</summary>
    public static MigrationBuilder MakeAuditAppendOnly(this MigrationBuilder migration)
    {
        migration.Sql(AppendOnlySql);
        return migration;
    }

    /// <summary>Call in that migration's Down, before its DropTable.</summary>
    public static MigrationBuilder DropAuditAppendOnly(this MigrationBuilder migration)
    {
        migration.Sql($"DROP TRIGGER IF EXISTS {Table}_no_truncate ON {Table}; DROP TRIGGER IF EXISTS {Table}_no_change ON {Table}; DROP FUNCTION IF EXISTS {Table}_append_only();");
        return migration;
    }
}
