using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Programmes.Gateway.Persistence;

namespace Programmes.Gateway.Operations;

public sealed record DeadLetterAction(DateTimeOffset At, string Actor, string Action, string Queue, string? MessageId, int Count);

/// <summary>One replay or discard of dead letters: who moved which messages of which queue, and when.</summary>
public sealed class DeadLetterAuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string Queue { get; private set; } = "";

    /// <summary>The message asked for; null when all of the queue's letters were asked for.</summary>
    public string? MessageId { get; private set; }
    public List<string> MessageIds { get; private set; } = [];

    public static DeadLetterAuditEntry Record(DateTimeOffset at, string actor, string action, string queue, string? messageId, IEnumerable<string> moved) =>
        new() { At = at, Actor = actor, Action = action, Queue = queue, MessageId = messageId, MessageIds = [.. moved] };
}

internal sealed class DeadLetterAuditEntryConfiguration : IEntityTypeConfiguration<DeadLetterAuditEntry>
{
    public void Configure(EntityTypeBuilder<DeadLetterAuditEntry> entry)
    {
        entry.ToTable("dead_letter_audit");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Actor).HasMaxLength(100);
        entry.Property(e => e.Action).HasMaxLength(20);
        entry.Property(e => e.Queue).HasMaxLength(255);
        entry.Property(e => e.MessageId).HasMaxLength(100);
        entry.HasIndex(e => e.At);
    }
}

/// <summary>Who replayed or discarded which dead letters, and when.</summary>
public sealed class DeadLetterAudit(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task RecordAsync(string actor, string action, string queue, string? messageId, IReadOnlyList<string> moved, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDb>();
        db.DeadLetterAudit.Add(DeadLetterAuditEntry.Record(clock.GetUtcNow(), actor, action, queue, messageId, moved));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetterAction>> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDb>();
        return await db.DeadLetterAudit.AsNoTracking().OrderByDescending(e => e.Id).Take(500)
            .Select(e => new DeadLetterAction(e.At, e.Actor, e.Action, e.Queue, e.MessageId, e.MessageIds.Count))
            .ToListAsync(cancellationToken);
    }
}
