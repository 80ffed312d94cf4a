using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.Gateway.Persistence;

/// <summary>One change to a client made through the admin API: who did what to which client, and when.</summary>
public sealed class ClientAuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string ClientId { get; private set; } = "";
    public string? Detail { get; private set; }

    public static ClientAuditEntry Record(DateTimeOffset at, string actor, string action, string clientId, string? detail = null) =>
        new() { At = at, Actor = actor, Action = action, ClientId = clientId, Detail = detail };
}

internal sealed class ClientAuditEntryConfiguration : IEntityTypeConfiguration<ClientAuditEntry>
{
    public void Configure(EntityTypeBuilder<ClientAuditEntry> entry)
    {
        entry.ToTable("client_audit");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Actor).HasMaxLength(100);
        entry.Property(e => e.Action).HasMaxLength(40);
        entry.Property(e => e.ClientId).HasMaxLength(100);
        entry.Property(e => e.Detail).HasMaxLength(400);
        entry.HasIndex(e => new { e.ClientId, e.At });
    }
}
