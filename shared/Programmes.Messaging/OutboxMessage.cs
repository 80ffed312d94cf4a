using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Programmes.Messaging;

/// <summary>
/// An integration event waiting to be published, written in the same transaction as the state change
/// that caused it. Its id becomes the message id, so consumers can recognise a redelivery.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    /// <summary>Assigned by the database on insert (an identity column); the order of publication within an aggregate.</summary>
    public long Sequence { get; init; }

    /// <summary>The aggregate (request, programme, pledge...) whose events must stay in order.</summary>
    public required string AggregateId { get; init; }

    /// <summary>Type name and assembly, without version: "Programmes.Contracts.X, Programmes.Contracts".</summary>
    public required string MessageType { get; init; }

    public required string Body { get; init; }

    /// <summary>W3C traceparent of the transaction that wrote the event, so the consumer joins its trace.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public int Attempts { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    internal static OutboxMessage Create(object message, string aggregateId, DateTimeOffset now, int position = 0)
    {
        var type = message.GetType();
        var activity = Activity.Current;
        return new OutboxMessage
        {
            // EF inserts the rows of one SaveChanges in key order, and the sequence follows the inserts: a
            // step's events get ids a millisecond apart so they are published in the order the step returned them.
            Id = Guid.CreateVersion7(now.AddMilliseconds(position)),
            AggregateId = aggregateId,
            MessageType = MessageTypes.NameOf(type),
            Body = JsonSerializer.Serialize(message, type, MessageTypes.Json),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}

/// <summary>The record that a consumer has applied a message's effect; makes redelivery harmless.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Records <paramref name="message"/> for publication when the surrounding SaveChanges (or transaction)
    /// commits. Nothing is published if it rolls back.
    /// </summary>
    public static void AddEvent<TMessage>(this DbContext db, TMessage message, object aggregateId) where TMessage : class =>
        db.Set<OutboxMessage>().Add(OutboxMessage.Create(message, aggregateId.ToString()!, DateTimeOffset.UtcNow));

    /// <summary>Records the events one step returned, in order, as <see cref="AddEvent"/> does for one.</summary>
    public static void AddEvents(this DbContext db, IEnumerable<object> events, object aggregateId)
    {
        var now = DateTimeOffset.UtcNow;
        db.Set<OutboxMessage>().AddRange(events.Select((message, position) => OutboxMessage.Create(message, aggregateId.ToString()!, now, position)));
    }

    /// <summary>
    /// Maps the outbox and inbox tables; call from <c>OnModelCreating</c>. The service's migrations create
    /// them; column names come from the snake_case naming convention.
    /// </summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable(OutboxSchema.OutboxTable);
            e.HasKey(m => m.Id);
            e.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            // Rows written by hand (tests, benchmarks) start at no attempts.
            e.Property(m => m.Attempts).HasDefaultValue(0);
            e.Property(m => m.Body).HasColumnType("jsonb");
            // The relay's scans: unsent rows in order, an aggregate's unsent rows, and sent rows to delete.
            e.HasIndex(m => m.Sequence).HasDatabaseName($"ix_{OutboxSchema.OutboxTable}_pending").HasFilter("sent_at IS NULL");
            e.HasIndex(m => new { m.AggregateId, m.Sequence }).HasDatabaseName($"ix_{OutboxSchema.OutboxTable}_pending_aggregate").HasFilter("sent_at IS NULL");
            e.HasIndex(m => m.SentAt).HasDatabaseName($"ix_{OutboxSchema.OutboxTable}_sent").HasFilter("sent_at IS NOT NULL");
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable(OutboxSchema.InboxTable);
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.HasIndex(m => m.ProcessedAt);
        });
        return model;
    }
}
