using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Programmes.ProgrammePlanning.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IatiDonorContributions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "donor_contributions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    pledge_id = table.Column<Guid>(type: "uuid", nullable: false),
                    donor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    donor_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    donor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amount = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_donor_contributions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_donor_contributions_pledge_id",
                table: "donor_contributions",
                column: "pledge_id");

            migrationBuilder.CreateIndex(
                name: "ix_donor_contributions_programme_id",
                table: "donor_contributions",
                column: "programme_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "donor_contributions");
        }
    }
}
