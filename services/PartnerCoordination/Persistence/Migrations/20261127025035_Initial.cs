using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Programmes.PartnerCoordination.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clearance_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    state_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    thematic_areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    activities = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clearance_rounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cted_referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    state_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    thematic_areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    instruments = table.Column<List<string>>(type: "text[]", nullable: false),
                    recommendation = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    assessment_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    assessment_date = table.Column<DateOnly>(type: "date", nullable: false),
                    state_consented = table.Column<bool>(type: "boolean", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cted_referrals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "declared_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    state_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    thematic_area = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    modality = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_declared_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "joint_initiatives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    partner_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    partners = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_joint_initiatives", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "partners",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    thematic_areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    state_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    regional_groups = table.Column<List<string>>(type: "text[]", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partners", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    event_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_status_code = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_endpoints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    event_types = table.Column<List<string>>(type: "text[]", nullable: false),
                    secret = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    previous_secret = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    previous_secret_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failing_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    disabled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    disabled_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_endpoints", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clearance_addressees",
                columns: table => new
                {
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    answer = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    overlapping_activity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clearance_addressees", x => new { x.round_id, x.partner_code });
                    table.ForeignKey(
                        name: "fk_clearance_addressees_clearance_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "clearance_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clearance_overlaps",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    declared_activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    state_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    thematic_area = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clearance_overlaps", x => x.id);
                    table.ForeignKey(
                        name: "fk_clearance_overlaps_clearance_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "clearance_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_delivery_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    latency_ms = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_delivery_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_delivery_attempts_webhook_deliveries_delivery_id",
                        column: x => x.delivery_id,
                        principalTable: "webhook_deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_clearance_addressees_partner_code",
                table: "clearance_addressees",
                column: "partner_code");

            migrationBuilder.CreateIndex(
                name: "ix_clearance_overlaps_declared_activity_id",
                table: "clearance_overlaps",
                column: "declared_activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_clearance_overlaps_round_id",
                table: "clearance_overlaps",
                column: "round_id");

            migrationBuilder.CreateIndex(
                name: "ix_clearance_rounds_programme_id",
                table: "clearance_rounds",
                column: "programme_id");

            migrationBuilder.CreateIndex(
                name: "ix_clearance_rounds_status_deadline",
                table: "clearance_rounds",
                columns: new[] { "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_cted_referrals_state_code_received_at",
                table: "cted_referrals",
                columns: new[] { "state_code", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_declared_activities_partner_code",
                table: "declared_activities",
                column: "partner_code");

            migrationBuilder.CreateIndex(
                name: "ix_declared_activities_state_code_thematic_area_start_date",
                table: "declared_activities",
                columns: new[] { "state_code", "thematic_area", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_joint_initiatives_programme_id",
                table: "joint_initiatives",
                column: "programme_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_endpoint_id_created_at",
                table: "webhook_deliveries",
                columns: new[] { "endpoint_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_status_next_attempt_at",
                table: "webhook_deliveries",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_delivery_attempts_delivery_id",
                table: "webhook_delivery_attempts",
                column: "delivery_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_delivery_attempts_endpoint_id_attempted_at",
                table: "webhook_delivery_attempts",
                columns: new[] { "endpoint_id", "attempted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_endpoints_partner_code",
                table: "webhook_endpoints",
                column: "partner_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clearance_addressees");

            migrationBuilder.DropTable(
                name: "clearance_overlaps");

            migrationBuilder.DropTable(
                name: "cted_referrals");

            migrationBuilder.DropTable(
                name: "declared_activities");

            migrationBuilder.DropTable(
                name: "joint_initiatives");

            migrationBuilder.DropTable(
                name: "partners");

            migrationBuilder.DropTable(
                name: "webhook_delivery_attempts");

            migrationBuilder.DropTable(
                name: "webhook_endpoints");

            migrationBuilder.DropTable(
                name: "clearance_rounds");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");
        }
    }
}
