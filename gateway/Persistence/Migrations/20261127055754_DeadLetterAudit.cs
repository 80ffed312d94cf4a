using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Programmes.Gateway.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeadLetterAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Before this migration the gateway created the table itself at start-up, with the same columns but
            // other names for its key and sequence: set such a table aside, and move its rows over below.
            migrationBuilder.Sql("""
                ALTER TABLE IF EXISTS dead_letter_audit RENAME TO dead_letter_audit_before_migrations;
                ALTER SEQUENCE IF EXISTS dead_letter_audit_id_seq RENAME TO dead_letter_audit_before_migrations_id_seq;
                """);

            migrationBuilder.CreateTable(
                name: "dead_letter_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    queue = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    message_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    message_ids = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dead_letter_audit", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dead_letter_audit_at",
                table: "dead_letter_audit",
                column: "at");

            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF to_regclass('dead_letter_audit_before_migrations') IS NOT NULL THEN
                        INSERT INTO dead_letter_audit (at, actor, action, queue, message_id, message_ids)
                        SELECT at, left(actor, 100), left(action, 20), left(queue, 255), left(message_id, 100), message_ids
                        FROM dead_letter_audit_before_migrations
                        ORDER BY id;
                        DROP TABLE dead_letter_audit_before_migrations;
                    END IF;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dead_letter_audit");
        }
    }
}
