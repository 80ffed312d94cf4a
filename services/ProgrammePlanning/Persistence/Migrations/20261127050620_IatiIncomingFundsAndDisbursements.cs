using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Programmes.ProgrammePlanning.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IatiIncomingFundsAndDisbursements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "payment_id",
                table: "funding_movements",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "disbursed_usd",
                table: "activities",
                type: "jsonb",
                nullable: false,
                // Activities delivered before disbursements were recorded disbursed nothing.
                defaultValue: "{}");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "payment_id",
                table: "funding_movements");

            migrationBuilder.DropColumn(
                name: "disbursed_usd",
                table: "activities");
        }
    }
}
