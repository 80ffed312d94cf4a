using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Programmes.Messaging.Idempotency;

/// <summary>
/// A client's Idempotency-Key, the hash of the request that first used it and the response it got.
/// Written in the same transaction as the resource it created, so either both exist or neither. The
/// <see cref="IdempotencyFilter"/> reads and writes the table with SQL; the entity exists so that the
/// service's migrations own the table.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string ClientId { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public int? StatusCode { get; init; }
    public string? Location { get; init; }
    /// <summary>Text, not jsonb: a replay must repeat the first response byte for byte.</summary>
    public string? ResponseBody { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public static class IdempotencyModel
{
    /// <summary>Maps the Idempotency-Key table; call from <c>OnModelCreating</c> of a service that takes the header.</summary>
    public static ModelBuilder AddIdempotencyKeys(this ModelBuilder model)
    {
        model.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable(IdempotencyKeys.Table);
            // The primary key is what makes concurrent duplicates wait for the first and then replay it.
            record.HasKey(r => new { r.ClientId, r.Key });
            record.Property(r => r.ClientId).HasMaxLength(200);
            record.Property(r => r.Key).HasMaxLength(IdempotencyKeys.MaxKeyLength);
            record.Property(r => r.RequestHash).HasMaxLength(64);
            record.HasIndex(r => r.CreatedAt);
        });
        return model;
    }

    /// <summary>
    /// The body of the migration that took the table over from the start-up DDL of earlier versions (the same
    /// columns, key and index names): an existing table is adopted as it is. Frozen, like
    /// <see cref="OutboxSchema.AdoptOutboxAndInbox"/>.
    /// </summary>
    public static void AdoptIdempotencyKeys(MigrationBuilder migrationBuilder) => migrationBuilder.Sql($"""
        CREATE TABLE IF NOT EXISTS {IdempotencyKeys.Table} (
            client_id character varying(200) NOT NULL,
            key character varying({IdempotencyKeys.MaxKeyLength}) NOT NULL,
            request_hash character varying(64) NOT NULL,
            status_code integer NULL,
            location text NULL,
            response_body text NULL,
            created_at timestamp with time zone NOT NULL,
            CONSTRAINT pk_{IdempotencyKeys.Table} PRIMARY KEY (client_id, key)
        );
        CREATE INDEX IF NOT EXISTS ix_{IdempotencyKeys.Table}_created_at ON {IdempotencyKeys.Table} (created_at);
        """);
}
