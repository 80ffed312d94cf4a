using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;

namespace Programmes.Auditing;

/// <summary>
/// The audit table is append-only in the database itself, not merely in our code: a trigger refuses every
/// UPDATE, DELETE and TRUNCATE, whoever sends it (a bug, a hand-typed statement, a compromised service).
/// </summary>
public static partial class AuditSchema
{
    /// <summary>The setting naming the role the services run as, where it is not the role that migrates.</summary>
    public const string ApplicationRoleSetting = "Database:ApplicationRole";

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

    /// <summary>
    /// Defence in depth beside the trigger: where the services run as their own role (not the owner that migrates),
    /// that role may only insert and read audit rows, whatever broader grants it has on the other tables. Run after
    /// migrating, as the owner; a role that does not exist (yet) is left alone, so a deployment without one is unchanged.
    /// </summary>
    public static string AppendOnlyGrantsSql(string role)
    {
        if (!RoleName().IsMatch(role))
        {
            throw new ArgumentException($"'{role}' is not a plain PostgreSQL role name (lower-case letters, digits, _).", nameof(role));
        }
        return $"""
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                    REVOKE ALL ON {Table} FROM "{role}";
                    GRANT SELECT, INSERT ON {Table} TO "{role}";
                END IF;
            END
            $$;
            """;
    }

    /// <summary>Applies <see cref="AppendOnlyGrantsSql"/> to the role named by <see cref="ApplicationRoleSetting"/>, if any.</summary>
    public static async Task GrantAuditToApplicationRoleAsync(this DbContext db, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        if (configuration[ApplicationRoleSetting] is { Length: > 0 } role)
        {
            await db.Database.ExecuteSqlRawAsync(AppendOnlyGrantsSql(role), cancellationToken);
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
