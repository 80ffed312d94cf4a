using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Programmes.Messaging;

/// <summary>
/// A consumer whose effect is applied exactly once per message id: the inbox row, the consumer's changes
/// and any events it records are committed in one transaction. A redelivered message finds its inbox row
/// and changes nothing. Exceptions propagate, so MassTransit retries and finally dead-letters the message.
/// </summary>
public abstract class InboxConsumer<TMessage, TDbContext>(TDbContext db, OutboxMetrics metrics) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    protected TDbContext Db { get; } = db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without a message id cannot be deduplicated.");
        var consumer = GetType().Name;
        var cancellationToken = context.CancellationToken;
        MessageSpanTags.Tag(context.Message);
        if (context.SentTime is { } sentAt)
        {
            metrics.ConsumerLag.Record(Math.Max(0, (DateTime.UtcNow - sentAt).TotalSeconds),
                new KeyValuePair<string, object?>("message_type", typeof(TMessage).Name));
        }

        // A retry may reuse this context: forget whatever the failed attempt added or changed.
        Db.ChangeTracker.Clear();
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        // Concurrent deliveries of the same message serialise on the primary key: the second waits for the
        // first to commit, then inserts nothing.
        var inserted = await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, now()) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (inserted == 0)
        {
            metrics.InboxDuplicates.Add(1);
            return;
        }

        await HandleAsync(context.Message, context);
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Apply the message's effect to <see cref="Db"/>; do not call SaveChanges.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}
