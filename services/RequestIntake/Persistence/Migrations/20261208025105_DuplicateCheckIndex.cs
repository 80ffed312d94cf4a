using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Programmes.RequestIntake.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DuplicateCheckIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_assistance_requests_state_open_submitted",
                table: "assistance_requests",
                columns: new[] { "state_code", "submitted_at" },
                filter: "status IN ('Submitted', 'InformationRequested', 'Accepted')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_assistance_requests_state_open_submitted",
                table: "assistance_requests");
        }
    }
}
