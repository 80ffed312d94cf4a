using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Programmes.Funding.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "donors",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    state_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    iati_identifier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    agreement_references = table.Column<List<string>>(type: "text[]", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_donors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_rates",
                columns: table => new
                {
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    units_per_usd = table.Column<decimal>(type: "numeric", nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exchange_rates", x => new { x.currency, x.month });
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    client_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    location = table.Column<string>(type: "text", nullable: true),
                    response_body = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.client_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "programmes",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    thematic_areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    budget_usd = table.Column<decimal>(type: "numeric", nullable: false),
                    allocated_usd = table.Column<decimal>(type: "numeric", nullable: false),
                    support_cost_usd = table.Column<decimal>(type: "numeric", nullable: false),
                    fully_funded = table.Column<bool>(type: "boolean", nullable: false),
                    allocations_made = table.Column<int>(type: "integer", nullable: false),
                    budgeted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_budgeted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programmes", x => x.programme_id);
                });

            migrationBuilder.CreateTable(
                name: "in_kind_contributions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    donor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    estimated_value = table.Column<decimal>(type: "numeric", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    estimated_value_usd = table.Column<decimal>(type: "numeric", nullable: true),
                    contribution_date = table.Column<DateOnly>(type: "date", nullable: false),
                    rate_month = table.Column<DateOnly>(type: "date", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: true),
                    thematic_area = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_in_kind_contributions", x => x.id);
                    table.ForeignKey(
                        name: "fk_in_kind_contributions_donors_donor_id",
                        column: x => x.donor_id,
                        principalTable: "donors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pledges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    donor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    amount_usd = table.Column<decimal>(type: "numeric", nullable: true),
                    pledge_date = table.Column<DateOnly>(type: "date", nullable: false),
                    rate_month = table.Column<DateOnly>(type: "date", nullable: false),
                    agreement_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: true),
                    period_end = table.Column<DateOnly>(type: "date", nullable: true),
                    earmarking = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    earmarked_to = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pledges", x => x.id);
                    table.ForeignKey(
                        name: "fk_pledges_donors_donor_id",
                        column: x => x.donor_id,
                        principalTable: "donors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pledge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    donor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    amount_usd = table.Column<decimal>(type: "numeric", nullable: true),
                    value_date = table.Column<DateOnly>(type: "date", nullable: false),
                    rate_month = table.Column<DateOnly>(type: "date", nullable: false),
                    bank_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    allocated_usd = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_payments_pledges_pledge_id",
                        column: x => x.pledge_id,
                        principalTable: "pledges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    payment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    donor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    step = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    amount_usd = table.Column<decimal>(type: "numeric", nullable: false),
                    support_cost_usd = table.Column<decimal>(type: "numeric", nullable: false),
                    released_usd = table.Column<decimal>(type: "numeric", nullable: false),
                    allocated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_allocations_donors_donor_id",
                        column: x => x.donor_id,
                        principalTable: "donors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_allocations_payments_payment_id",
                        column: x => x.payment_id,
                        principalTable: "payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_allocations_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "programme_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_allocations_donor_id",
                table: "allocations",
                column: "donor_id");

            migrationBuilder.CreateIndex(
                name: "ix_allocations_payment_id",
                table: "allocations",
                column: "payment_id");

            migrationBuilder.CreateIndex(
                name: "ix_allocations_programme_id_ordinal",
                table: "allocations",
                columns: new[] { "programme_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_donors_code",
                table: "donors",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_created_at",
                table: "idempotency_keys",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_in_kind_contributions_currency_rate_month",
                table: "in_kind_contributions",
                columns: new[] { "currency", "rate_month" },
                filter: "estimated_value_usd IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_in_kind_contributions_donor_id",
                table: "in_kind_contributions",
                column: "donor_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_currency_rate_month",
                table: "payments",
                columns: new[] { "currency", "rate_month" },
                filter: "amount_usd IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payments_donor_id",
                table: "payments",
                column: "donor_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_pledge_id",
                table: "payments",
                column: "pledge_id");

            migrationBuilder.CreateIndex(
                name: "ix_pledges_currency_rate_month",
                table: "pledges",
                columns: new[] { "currency", "rate_month" },
                filter: "amount_usd IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pledges_donor_id_pledge_date",
                table: "pledges",
                columns: new[] { "donor_id", "pledge_date" });

            migrationBuilder.CreateIndex(
                name: "ix_programmes_first_budgeted_at",
                table: "programmes",
                column: "first_budgeted_at",
                filter: "NOT fully_funded");

            // The regular budget (op. 18) is a source in every database, beside the donors staff register.
            migrationBuilder.InsertData(
                table: "donors",
                columns: new[] { "id", "code", "name", "kind", "agreement_references", "registered_at" },
                values: new object[]
                {
                    new Guid("00000000-0000-0000-0000-000000000018"), "REGULAR-BUDGET",
                    "United Nations regular budget (ECOSOC 2017/17 op. 18)", "RegularBudget", new List<string>(),
                    new DateTimeOffset(2017, 7, 6, 0, 0, 0, TimeSpan.Zero),
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "allocations");

            migrationBuilder.DropTable(
                name: "exchange_rates");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "in_kind_contributions");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "programmes");

            migrationBuilder.DropTable(
                name: "pledges");

            migrationBuilder.DropTable(
                name: "donors");
        }
    }
}
