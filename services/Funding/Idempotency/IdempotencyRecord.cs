using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.Funding.Idempotency;

/// <summary>
/// A client's Idempotency-Key, the hash of the request that first used it and the response it got.
/// Written in the same transaction as the contribution it created, so either both exist or neither.
/// The shared Idempotency feature (Programmes.Messaging) reads and writes the table; it stays in this
/// model because Funding's first migration created it.
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

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.ToTable("idempotency_keys");
        // The primary key is what makes concurrent duplicates wait for the first and then replay it.
        record.HasKey(r => new { r.ClientId, r.Key });
        record.Property(r => r.ClientId).HasMaxLength(200);
        record.Property(r => r.Key).HasMaxLength(Programmes.Messaging.Idempotency.IdempotencyKeys.MaxKeyLength);
        record.Property(r => r.RequestHash).HasMaxLength(64);
        record.HasIndex(r => r.CreatedAt);
    }
}
