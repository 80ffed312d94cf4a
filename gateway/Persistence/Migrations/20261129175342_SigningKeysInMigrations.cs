using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Programmes.Gateway.Persistence.Migrations
{
    /// <summary>The signing-key table, until now created at start-up, owned by the migrations.</summary>
    public partial class SigningKeysInMigrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Earlier gateways created the table themselves: adopt it with its key, which signs the tokens in use.
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS gateway_signing_keys (
                    key_id text NOT NULL,
                    private_key_pem text NOT NULL,
                    created_at timestamp with time zone NOT NULL DEFAULT now(),
                    CONSTRAINT pk_gateway_signing_keys PRIMARY KEY (key_id)
                );
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'gateway_signing_keys_pkey') THEN
                        ALTER TABLE gateway_signing_keys RENAME CONSTRAINT gateway_signing_keys_pkey TO pk_gateway_signing_keys;
                    END IF;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing: the gateway before this migration creates the table itself if missing and keeps its key.
        }
    }
}
