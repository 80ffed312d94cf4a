using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Programmes.RequestIntake.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assistance_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    state_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requesting_authority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_person = table.Column<string>(type: "text", nullable: true),
                    contact_email = table.Column<string>(type: "text", nullable: true),
                    contact_phone = table.Column<string>(type: "text", nullable: true),
                    thematic_areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    instruments = table.Column<List<string>>(type: "text[]", nullable: false),
                    needs = table.Column<string>(type: "text", nullable: false),
                    priorities = table.Column<string>(type: "text", nullable: true),
                    desired_start = table.Column<DateOnly>(type: "date", nullable: true),
                    desired_end = table.Column<DateOnly>(type: "date", nullable: true),
                    preferred_modalities = table.Column<List<string>>(type: "text[]", nullable: false),
                    beneficiary_institutions = table.Column<List<string>>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    possible_duplicate_of = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    decline_reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    decline_text = table.Column<string>(type: "text", nullable: true),
                    open_questions = table.Column<List<string>>(type: "text[]", nullable: false),
                    last_answer = table.Column<string>(type: "text", nullable: true),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assessment_reference = table.Column<string>(type: "text", nullable: true),
                    assessment_date = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistance_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "central_authorities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    state_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    channels = table.Column<string[]>(type: "text[]", nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    last_confirmed = table.Column<DateOnly>(type: "date", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_central_authorities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "central_authority_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    authority_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_central_authority_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "programme_links",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_links", x => new { x.programme_id, x.request_id });
                });

            migrationBuilder.CreateTable(
                name: "ratifications",
                columns: table => new
                {
                    state_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    instrument_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ratifications", x => new { x.state_code, x.instrument_code });
                });

            migrationBuilder.CreateTable(
                name: "timeline_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timeline_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_timeline_entries_assistance_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "assistance_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_requests_state_status_submitted",
                table: "assistance_requests",
                columns: new[] { "state_code", "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_requests_state_submitted",
                table: "assistance_requests",
                columns: new[] { "state_code", "submitted_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_requests_status_submitted",
                table: "assistance_requests",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assistance_requests_submitted",
                table: "assistance_requests",
                column: "submitted_at");

            migrationBuilder.CreateIndex(
                name: "ix_assistance_requests_thematic_areas",
                table: "assistance_requests",
                column: "thematic_areas")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ux_assistance_requests_referral",
                table: "assistance_requests",
                column: "referral_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_central_authorities_languages",
                table: "central_authorities",
                column: "languages")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_central_authorities_state_kind",
                table: "central_authorities",
                columns: new[] { "state_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_central_authority_changes_authority",
                table: "central_authority_changes",
                columns: new[] { "authority_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_timeline_entries_request_at",
                table: "timeline_entries",
                columns: new[] { "request_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "central_authorities");

            migrationBuilder.DropTable(
                name: "central_authority_changes");

            migrationBuilder.DropTable(
                name: "programme_links");

            migrationBuilder.DropTable(
                name: "ratifications");

            migrationBuilder.DropTable(
                name: "timeline_entries");

            migrationBuilder.DropTable(
                name: "assistance_requests");
        }
    }
}
