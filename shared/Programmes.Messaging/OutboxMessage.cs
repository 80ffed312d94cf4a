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

    /// <summary>Assigned by the database; the order of publication within an aggregate.</summary>
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

    internal static OutboxMessage Create(object message, string aggregateId, DateTimeOffset now)
    {
        var type = message.GetType();
        var activity = Activity.Current;
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
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
        db.Set<OutboxMessage>().AddRange(events.Select(message => OutboxMessage.Create(message, aggregateId.ToString()!, now)));
    }

    /// <summary>Maps the outbox and inbox tables; call from <c>OnModelCreating</c>.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        // The tables are created by OutboxSchema (the same DDL in every service), not by the service's migrations.
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable(OutboxSchema.OutboxTable, t => t.ExcludeFromMigrations());
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasColumnName("id");
            e.Property(m => m.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            e.Property(m => m.AggregateId).HasColumnName("aggregate_id");
            e.Property(m => m.MessageType).HasColumnName("message_type");
            e.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb");
            e.Property(m => m.TraceParent).HasColumnName("trace_parent");
            e.Property(m => m.TraceState).HasColumnName("trace_state");
            e.Property(m => m.CreatedAt).HasColumnName("created_at");
            e.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            e.Property(m => m.Attempts).HasColumnName("attempts");
            e.Property(m => m.LastError).HasColumnName("last_error");
            e.Property(m => m.SentAt).HasColumnName("sent_at");
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable(OutboxSchema.InboxTable, t => t.ExcludeFromMigrations());
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.MessageId).HasColumnName("message_id");
            e.Property(m => m.Consumer).HasColumnName("consumer");
            e.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });
        return model;
    }
}
