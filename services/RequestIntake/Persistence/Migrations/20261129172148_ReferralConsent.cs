using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Programmes.RequestIntake.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReferralConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "state_consented",
                table: "assistance_requests",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "state_consented",
                table: "assistance_requests");
        }
    }
}
