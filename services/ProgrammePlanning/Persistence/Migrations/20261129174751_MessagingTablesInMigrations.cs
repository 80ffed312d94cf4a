using Microsoft.EntityFrameworkCore.Migrations;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;

#nullable disable

namespace Programmes.ProgrammePlanning.Persistence.Migrations
{
    /// <summary>The outbox, inbox and Idempotency-Key tables, until now created at start-up, owned by the migrations.</summary>
    public partial class MessagingTablesInMigrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Earlier versions created these tables with SQL at start-up: a database they made is adopted as it is.
            OutboxSchema.AdoptOutboxAndInbox(migrationBuilder);
            IdempotencyModel.AdoptIdempotencyKeys(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing: the version before this migration creates the tables itself if missing and uses them as they are.
        }
    }
}
