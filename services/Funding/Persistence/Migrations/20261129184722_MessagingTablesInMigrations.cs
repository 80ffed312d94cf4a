using Microsoft.EntityFrameworkCore.Migrations;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;

#nullable disable

namespace Programmes.Funding.Persistence.Migrations
{
    /// <summary>
    /// The outbox, inbox and Idempotency-Key tables owned by the migrations. The first two were created at start-up
    /// until now; the third by the first migration, then left out of the model by ExactMoney, and is back in it.
    /// </summary>
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
