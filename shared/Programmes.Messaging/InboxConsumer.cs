using System.Data;
using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Programmes.Auditing;
using Programmes.ServiceDefaults;

namespace Programmes.Messaging;

/// <summary>
/// A consumer whose effect is applied exactly once per message id: the inbox row, the consumer's changes
/// and any events it records are committed in one transaction. A redelivered message finds its inbox row
/// and changes nothing. Exceptions propagate, so MassTransit retries and finally dead-letters the message.
/// Messages that arrive while enough transactions of the same consumer are in flight share the next one
/// (<see cref="InboxBatches"/>); if that shared transaction fails, each of its messages is consumed alone.
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

    /// <summary>Who processed a message, in the inbox's key: the consumer's class name.</summary>
    private string InboxName => GetType().Name;

    private async Task ConsumeOnceAsync(ConsumeContext<TMessage> context, OutboxMetrics metrics)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without a message id cannot be deduplicated.");
        var batches = context.GetServiceOrCreateInstance<InboxBatches>();
        // A retried message goes alone: a message that failed once must not take a batch down with it again.
        if (batches.MaxBatchSize == 1 || context.GetRetryAttempt() > 0)
        {
            await ConsumeAloneAsync(context, metrics);
            return;
        }

        var queue = batches.For<ConsumeContext<TMessage>>(GetType());
        var turn = new InboxTurn<ConsumeContext<TMessage>>(context, messageId);
        queue.Join(turn);
        switch (await turn.Outcome)
        {
            case InboxTurnOutcome.Done:
                return;
            case InboxTurnOutcome.Alone:
                await ConsumeAloneAsync(context, metrics);
                return;
        }

        // This message leads a batch: itself first, then those that arrived while transactions were in flight.
        var batch = turn.Batch;
        if (batch.Count == 1)
        {
            try
            {
                await ConsumeAloneAsync(context, metrics);
            }
            finally
            {
                queue.Finished(batches.MaxBatchSize);
            }
            return;
        }
        var committed = false;
        try
        {
            await ConsumeBatchAsync(batch, metrics, context.CancellationToken);
            committed = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            // Nothing of the batch was committed: each message is consumed alone, as if there had been no batch,
            // so a failing message is retried and dead-lettered by itself.
            Db.ChangeTracker.Clear();
        }
        finally
        {
            queue.Finished(batches.MaxBatchSize);
            foreach (var other in batch.Skip(1))
            {
                other.Finish(committed ? InboxTurnOutcome.Done : InboxTurnOutcome.Alone);
            }
        }
        if (!committed)
        {
            await ConsumeAloneAsync(context, metrics);
        }
    }

    private async Task ConsumeAloneAsync(ConsumeContext<TMessage> context, OutboxMetrics metrics)
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

            await HandleAndSaveAsync(context, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (InvalidOperationException ex) when (Db.Database.GetDbConnection().State != ConnectionState.Open)
        {
            throw new DependencyUnavailableException("The database dropped the connection during the transaction.", ex);
        }
    }

    /// <summary>
    /// One transaction for the batch: the inbox rows in one statement, then each new message's effect in arrival
    /// order, saved and untracked before the next is handled (so a message reads what an earlier one of the batch
    /// changed from the transaction, and each SaveChanges looks only at its own message's entities), then one commit.
    /// Each message is handled in its own consume span and with its producer as the audit's actor.
    /// </summary>
    private async Task ConsumeBatchAsync(IReadOnlyList<InboxTurn<ConsumeContext<TMessage>>> batch, OutboxMetrics metrics, CancellationToken cancellationToken)
    {
        Db.ChangeTracker.Clear();
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var fresh = new HashSet<Guid>();
        await using (var insert = Db.Database.GetDbConnection().CreateCommand())
        {
            // Sorted, so that two batches holding the same redelivered ids lock them in the same order (no deadlock).
            insert.CommandText = """
                INSERT INTO inbox_messages (message_id, consumer, processed_at)
                SELECT id, @consumer, now() FROM unnest(@ids) AS id ORDER BY id
                ON CONFLICT DO NOTHING RETURNING message_id
                """;
            insert.Transaction = transaction.GetDbTransaction();
            insert.Parameters.Add(new NpgsqlParameter("consumer", InboxName));
            insert.Parameters.Add(new NpgsqlParameter("ids", batch.Select(t => t.MessageId).Distinct().ToArray()));
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                fresh.Add(reader.GetGuid(0));
            }
        }

        var outer = Activity.Current;
        try
        {
            foreach (var turn in batch)
            {
                // Remove: a message id twice in the batch has one effect.
                if (!fresh.Remove(turn.MessageId))
                {
                    metrics.InboxDuplicates.Add(1);
                    continue;
                }
                Activity.Current = turn.Activity;
                await HandleAndSaveAsync(turn.Context, cancellationToken);
                // Saved, so the next message reads it from the transaction; kept tracked, every later SaveChanges
                // of the batch would detect changes over all of it again (quadratic in the batch's size).
                Db.ChangeTracker.Clear();
            }
        }
        finally
        {
            Activity.Current = outer;
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Applies one message and saves it, with the producing service as the audit's actor of what it changes here.</summary>
    private async Task HandleAndSaveAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken)
    {
        var producer = context.Headers.Get<string>(OutboxRelay.ProducerHeader) ?? "unknown";
        using (AuditActor.Use(AuditActor.Service(producer), typeof(TMessage).Name))
        {
            await HandleAsync(context.Message, context);
            await Db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Apply the message's effect to <see cref="Db"/>; do not call SaveChanges.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}
