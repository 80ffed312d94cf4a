using System.Data;
using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Programmes.Auditing;
using Programmes.ServiceDefaults;

namespace Programmes.Messaging;

/// <summary>
/// A consumer whose effect is applied exactly once per message id: the inbox row, the consumer's changes
/// and any events it records are committed in one transaction. A redelivered message finds its inbox row
/// and changes nothing. Exceptions propagate, so MassTransit retries and finally dead-letters the message.
/// </summary>
public abstract class InboxConsumer<TMessage, TDbContext>(TDbContext db) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    protected TDbContext Db { get; } = db;

    /// <summary>How long a message waits for its database to come back before it fails like any other.</summary>
    private static readonly TimeSpan OutagePatience = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan MaxOutageDelay = TimeSpan.FromSeconds(5);

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        MessageSpanTags.Tag(context.Message);
        // Resolved here rather than taken by the constructor, so that consumers need not pass it through.
        var metrics = context.GetServiceOrCreateInstance<OutboxMetrics>();
        if (context.SentTime is { } sentAt)
        {
            metrics.ConsumerLag.Record(Math.Max(0, (DateTime.UtcNow - sentAt).TotalSeconds),
                new KeyValuePair<string, object?>("message_type", typeof(TMessage).Name));
        }

        // MassTransit's retries are over in seconds; a database restart or failover takes longer. A message
        // that failed only because the database was away waits for it instead of being dead-lettered:
        // otherwise every message in flight during the outage would end in the _error queue.
        var waiting = Stopwatch.StartNew();
        for (var delay = TimeSpan.FromMilliseconds(250); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxOutageDelay.Ticks)))
        {
            try
            {
                await ConsumeOnceAsync(context, metrics);
                return;
            }
            catch (Exception ex) when (DependencyFailures.IsUnavailable(ex) && waiting.Elapsed < OutagePatience
                && !context.CancellationToken.IsCancellationRequested)
            {
                await Task.Delay(delay, context.CancellationToken);
            }
        }
    }

    /// <summary>
    /// Who processed a message, in the inbox's key. Stays the same when a consumer class is renamed, or a message
    /// processed just before an upgrade would be processed again after it.
    /// </summary>
    protected virtual string InboxName => GetType().Name;

    private async Task ConsumeOnceAsync(ConsumeContext<TMessage> context, OutboxMetrics metrics)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without a message id cannot be deduplicated.");
        var consumer = InboxName;
        var cancellationToken = context.CancellationToken;

        // A retry may reuse this context: forget whatever the failed attempt added or changed.
        Db.ChangeTracker.Clear();
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
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

            // The audit names the producing service as the actor of what the event changes here.
            var producer = context.Headers.Get<string>(OutboxRelay.ProducerHeader) ?? "unknown";
            using (AuditActor.Use(AuditActor.Service(producer), typeof(TMessage).Name))
            {
                await HandleAsync(context.Message, context);
                await Db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (InvalidOperationException ex) when (Db.Database.GetDbConnection().State != ConnectionState.Open)
        {
            throw new DependencyUnavailableException("The database dropped the connection during the transaction.", ex);
        }
    }

    /// <summary>Apply the message's effect to <see cref="Db"/>; do not call SaveChanges.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}
