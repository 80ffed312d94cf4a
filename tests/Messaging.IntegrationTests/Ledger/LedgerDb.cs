using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.Messaging.IntegrationTests.Ledger;

/// <summary>A tiny service database: the consumers' effects land in <see cref="Entries"/>.</summary>
public sealed class LedgerDb(DbContextOptions<LedgerDb> options) : DbContext(options)
{
    public DbSet<LedgerEntry> Entries => Set<LedgerEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LedgerDb).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>
/// One consumer effect. Deliberately no unique key on the message id: a second effect of the same
/// message would show up as a second row.
/// </summary>
public sealed class LedgerEntry
{
    public long Id { get; init; }
    public Guid MessageId { get; init; }
    public required string AggregateId { get; init; }
    public int Number { get; init; }
    public string? TraceId { get; init; }
    public DateTimeOffset ConsumedAt { get; init; }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.HasIndex(e => e.MessageId);
    }
}
