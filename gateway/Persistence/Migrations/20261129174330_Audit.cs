using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Programmes.Auditing;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Programmes.Gateway.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Audit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_client_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor_party = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    object_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    object_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    before = table.Column<string>(type: "jsonb", nullable: true),
                    after = table.Column<string>(type: "jsonb", nullable: true),
                    trace_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    readers = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_object_type_object_id_at",
                table: "audit_entries",
                columns: new[] { "object_type", "object_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_readers",
                table: "audit_entries",
                column: "readers")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.MakeAuditAppendOnly();

            // The client administration's own audit moves onto the shared trail; its ids and roles were never kept.
            migrationBuilder.Sql("""
                INSERT INTO audit_entries (id, at, actor_client_id, actor_role, actor_party, action, object_type, object_id, before, after, trace_id, readers)
                SELECT gen_random_uuid(), c.at, c.actor, 'staff', '', c.action, 'client', c.client_id, NULL,
                       CASE WHEN c.detail IS NULL THEN NULL ELSE jsonb_build_object('detail', c.detail) END, NULL, ARRAY[]::text[]
                FROM client_audit c;
                """);

            migrationBuilder.DropTable(
                name: "client_audit");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropAuditAppendOnly();

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.CreateTable(
                name: "client_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    detail = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_audit", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_client_audit_client_id_at",
                table: "client_audit",
                columns: new[] { "client_id", "at" });
        }
    }
}
