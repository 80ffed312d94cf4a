using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Programmes.Auditing;

#nullable disable

namespace Programmes.RequestIntake.Persistence.Migrations
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

            // The directory's own audit moves onto the shared trail: one entry per old change, its fields as before/after.
            migrationBuilder.Sql("""
                INSERT INTO audit_entries (id, at, actor_client_id, actor_role, actor_party, action, object_type, object_id, before, after, trace_id, readers)
                SELECT c.id, c.changed_at, c.changed_by, 'state', c.state_code,
                       CASE c.action WHEN 'Registered' THEN 'MaintainingCentralAuthorities.Register'
                                     WHEN 'Removed' THEN 'MaintainingCentralAuthorities.Remove'
                                     ELSE 'MaintainingCentralAuthorities.Update' END,
                       'central-authority', c.authority_id::text,
                       CASE WHEN c.action = 'Registered' THEN NULL
                            ELSE (SELECT jsonb_object_agg(f->>'Field', f->'From') FROM jsonb_array_elements(c.changes) f) END,
                       CASE WHEN c.action = 'Removed' THEN NULL
                            ELSE (SELECT jsonb_object_agg(f->>'Field', f->'To') FROM jsonb_array_elements(c.changes) f) END,
                       NULL, ARRAY['state:' || c.state_code]
                FROM central_authority_changes c;
                """);

            migrationBuilder.DropTable(
                name: "central_authority_changes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropAuditAppendOnly();

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.CreateTable(
                name: "central_authority_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    authority_id = table.Column<Guid>(type: "uuid", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    state_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_central_authority_changes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_central_authority_changes_authority",
                table: "central_authority_changes",
                columns: new[] { "authority_id", "changed_at" });
        }
    }
}
