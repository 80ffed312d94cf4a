using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Programmes.ProgrammePlanning.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "funding_movements",
                columns: table => new
                {
                    allocation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    donor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    donor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    amount_usd = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    support_cost_usd = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_funding_movements", x => new { x.allocation_id, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "planning_intake_items",
                columns: table => new
                {
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    thematic_areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    instruments = table.Column<List<string>>(type: "text[]", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_planning_intake_items", x => x.request_id);
                });

            migrationBuilder.CreateTable(
                name: "programme_results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    state_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    instrument_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ratification_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    count = table.Column<int>(type: "integer", nullable: true),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_results", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "programmes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    objectives = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    state_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    thematic_areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    instruments = table.Column<List<string>>(type: "text[]", nullable: false),
                    request_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    budget_usd = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    suspended_from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    cleared = table.Column<bool>(type: "boolean", nullable: false),
                    fully_funded = table.Column<bool>(type: "boolean", nullable: false),
                    compliance_outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    compliance_reviewer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    compliance_notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    compliance_reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    concerns_open = table.Column<bool>(type: "boolean", nullable: false),
                    clearance_concerns = table.Column<List<string>>(type: "text[]", nullable: false),
                    gender_marker = table.Column<int>(type: "integer", nullable: true),
                    children_concerned = table.Column<bool>(type: "boolean", nullable: true),
                    child_safeguards = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    joint_partners = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programmes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    modality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    thematic_area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    planned_start = table.Column<DateOnly>(type: "date", nullable: false),
                    planned_end = table.Column<DateOnly>(type: "date", nullable: false),
                    state_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    online = table.Column<bool>(type: "boolean", nullable: false),
                    planned_women = table.Column<int>(type: "integer", nullable: false),
                    planned_men = table.Column<int>(type: "integer", nullable: false),
                    planned_other = table.Column<int>(type: "integer", nullable: false),
                    target_institutions = table.Column<List<string>>(type: "text[]", nullable: false),
                    experts_usd = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    travel_usd = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    venue_usd = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    translation_usd = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    other_usd = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    budget_usd = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    actual_start = table.Column<DateOnly>(type: "date", nullable: true),
                    actual_end = table.Column<DateOnly>(type: "date", nullable: true),
                    actual_women = table.Column<int>(type: "integer", nullable: false),
                    actual_men = table.Column<int>(type: "integer", nullable: false),
                    actual_other = table.Column<int>(type: "integer", nullable: false),
                    participants_by_institution = table.Column<string>(type: "jsonb", nullable: false),
                    evaluation_score = table.Column<decimal>(type: "numeric(3,1)", precision: 3, scale: 1, nullable: true),
                    spent_usd = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_activities_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_actual_end",
                table: "activities",
                column: "actual_end");

            migrationBuilder.CreateIndex(
                name: "ix_activities_programme_id",
                table: "activities",
                column: "programme_id");

            migrationBuilder.CreateIndex(
                name: "ix_funding_movements_at",
                table: "funding_movements",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_funding_movements_programme_id",
                table: "funding_movements",
                column: "programme_id");

            migrationBuilder.CreateIndex(
                name: "ix_planning_intake_items_accepted_at",
                table: "planning_intake_items",
                column: "accepted_at");

            migrationBuilder.CreateIndex(
                name: "ix_planning_intake_items_received_at",
                table: "planning_intake_items",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_planning_intake_items_submitted_at",
                table: "planning_intake_items",
                column: "submitted_at");

            migrationBuilder.CreateIndex(
                name: "ix_programme_results_date",
                table: "programme_results",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_programme_results_programme_id",
                table: "programme_results",
                column: "programme_id");

            migrationBuilder.CreateIndex(
                name: "ix_programmes_first_approved_at",
                table: "programmes",
                column: "first_approved_at");

            migrationBuilder.CreateIndex(
                name: "ix_programmes_status",
                table: "programmes",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "funding_movements");

            migrationBuilder.DropTable(
                name: "planning_intake_items");

            migrationBuilder.DropTable(
                name: "programme_results");

            migrationBuilder.DropTable(
                name: "programmes");
        }
    }
}
