using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Programmes.ServiceDefaults;

namespace Programmes.Messaging;

/// <summary>
/// Publishes committed outbox rows to the broker, with publisher confirms, and marks them sent.
/// <list type="bullet">
/// <item>Wakes when this process commits outbox rows (<see cref="OutboxSignal"/>); polls for the rows of other
/// instances and as a safety net.</item>
/// <item>Several instances run at once: rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, and an
/// aggregate's rows are claimed by one relay at a time (transaction-scoped advisory lock), so an
/// aggregate's events leave in the order they were written.</item>
/// <item>A failed publish is retried with backoff until it succeeds; later events of the same aggregate wait.</item>
/// <item>A crash after publishing and before marking sent republishes with the same message id; the
/// consumers' inbox makes that harmless.</item>
/// </list>
/// </summary>
public sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    IBus bus,
    IOptions<OutboxRelayOptions> options,
    OutboxMetrics metrics,
    OutboxSignal signal,
    BackgroundLoops loops,
    ILogger<OutboxRelay> logger) : ResilientLoop(loops)
{
    private static readonly ActivitySource Source = Telemetry.CreateSource("Messaging");
    private const string AggregateLockClass = "20290"; // advisory lock class of the outbox aggregates

    /// <summary>Header naming the event's aggregate, for consumers that partition or order by it.</summary>
    public const string AggregateIdHeader = "Programmes-Aggregate-Id";

    /// <summary>Header naming the service that produced the event: the actor of what a consumer's audit records.</summary>
    public const string ProducerHeader = "Programmes-Producer";

    private readonly OutboxRelayOptions _options = options.Value;
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    // Step 1 picks the aggregates this relay will publish for: the head (oldest unsent event) of each
    // aggregate, in order of writing, skipping aggregates whose head waits for a retry, and keeping only
    // those whose transaction-scoped advisory lock it gets. The subquery's OFFSET 0 keeps the lock call out
    // of the scan, so locks are tried lazily in head order until enough are held.
    private const string LockAggregatesSql = $"""
        SELECT head.aggregate_id
        FROM (
            SELECT o.aggregate_id
            FROM {OutboxSchema.OutboxTable} o
            WHERE o.sent_at IS NULL
              AND (o.attempts = 0 OR o.next_attempt_at <= now())
              AND NOT EXISTS (
                  SELECT 1 FROM {OutboxSchema.OutboxTable} e
                  WHERE e.aggregate_id = o.aggregate_id AND e.sent_at IS NULL AND e.sequence < o.sequence)
            ORDER BY o.sequence
            OFFSET 0
        ) head
        WHERE pg_try_advisory_xact_lock({AggregateLockClass}, hashtext(head.aggregate_id))
        LIMIT @limit
        """;

    // Step 2 reads the locked aggregates' unsent events in a new statement, so with a snapshot taken after
    // the locks were granted: it sees everything a previous holder committed (a row it marked sent, or a
    // failed row it pushed back), which step 1's older snapshot may have missed.
    private const string ClaimSql = $"""
        SELECT id, aggregate_id, message_type, body, trace_parent, trace_state, attempts,
               attempts > 0 AND next_attempt_at > now() AS waiting
        FROM {OutboxSchema.OutboxTable}
        WHERE aggregate_id = ANY(@aggregates) AND sent_at IS NULL
        ORDER BY sequence
        LIMIT @limit
        FOR UPDATE
        """;

    protected override async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        var published = await RelayOnceAsync(stoppingToken);
        if (published >= _options.BatchSize && _options.Concurrency > 1)
        {
            // A backlog: drain it with several loops side by side, so one loop's database round trips
            // overlap another's wait for confirms. Each loop claims other aggregates (advisory locks),
            // exactly as separate relay instances do.
            await Task.WhenAll(Enumerable.Range(0, _options.Concurrency).Select(_ => DrainAsync(stoppingToken)));
        }
        await CleanupIfDueAsync(stoppingToken);
        return published >= _options.BatchSize;
    }

    /// <summary>Sleeps until this process commits outbox rows or the poll interval passes.</summary>
    protected override Task WaitAsync(CancellationToken stoppingToken) => signal.WaitAsync(_options.PollInterval, stoppingToken);

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        int attempted;
        do
        {
            attempted = await RelayOnceAsync(cancellationToken);
        }
        while (attempted >= _options.BatchSize);
    }

    /// <summary>Claims one batch, publishes it and records the outcome in the same transaction. Returns the events attempted.</summary>
    public async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var aggregates = new List<string>();
        await using (var lockAggregates = new NpgsqlCommand(LockAggregatesSql, connection, transaction))
        {
            lockAggregates.Parameters.AddWithValue("limit", _options.BatchSize);
            await using var reader = await lockAggregates.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                aggregates.Add(reader.GetString(0));
            }
        }

        var rows = new List<Row>();
        if (aggregates.Count > 0)
        {
            await using var claim = new NpgsqlCommand(ClaimSql, connection, transaction);
            claim.Parameters.AddWithValue("aggregates", aggregates.ToArray());
            claim.Parameters.AddWithValue("limit", _options.BatchSize);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new Row(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.GetInt32(6), reader.GetBoolean(7)));
            }
        }
        if (rows.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            await metrics.RefreshAsync(dataSource, cancellationToken);
            return 0;
        }

        // Aggregates go out in parallel; one aggregate's events go out one after another, in order.
        var outcomes = await Task.WhenAll(rows.GroupBy(r => r.AggregateId).Select(g => PublishInOrderAsync(g.ToList(), cancellationToken)));
        var sent = outcomes.SelectMany(o => o.Sent).ToArray();
        var failed = outcomes.Where(o => o.Failure is not null).Select(o => o.Failure!.Value).ToArray();

        if (_options.AfterPublishBeforeMarkingSent is { } fault)
        {
            await fault(sent);
        }

        if (sent.Length > 0)
        {
            await using var mark = new NpgsqlCommand(
                $"UPDATE {OutboxSchema.OutboxTable} SET sent_at = now(), last_error = NULL WHERE id = ANY(@ids)", connection, transaction);
            mark.Parameters.AddWithValue("ids", sent);
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (row, error) in failed)
        {
            var delay = TimeSpan.FromTicks(Math.Min(_options.MaxRetryDelay.Ticks, _options.RetryDelay.Ticks * (1L << Math.Min(row.Attempts, 20))));
            await using var retry = new NpgsqlCommand(
                $"""
                UPDATE {OutboxSchema.OutboxTable}
                SET attempts = attempts + 1, last_error = @error, next_attempt_at = now() + @delay
                WHERE id = @id
                """, connection, transaction);
            retry.Parameters.AddWithValue("id", row.Id);
            retry.Parameters.AddWithValue("error", error.Length > 2000 ? error[..2000] : error);
            retry.Parameters.AddWithValue("delay", delay);
            await retry.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        metrics.Published.Add(sent.Length);
        metrics.PublishFailures.Add(failed.Length);
        await metrics.RefreshAsync(dataSource, cancellationToken);
        return sent.Length + failed.Length;
    }

    private async Task<(List<Guid> Sent, (Row Row, string Error)? Failure)> PublishInOrderAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var sent = new List<Guid>(rows.Count);
        // An event waiting for its retry holds back the rest of its aggregate.
        foreach (var row in rows.TakeWhile(r => !r.Waiting))
        {
            try
            {
                await PublishAsync(row, cancellationToken);
                sent.Add(row.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogPublishFailed(logger, ex, row.Id, row.MessageType);
                return (sent, (row, ex.Message));
            }
        }
        return (sent, null);
    }

    private async Task PublishAsync(Row row, CancellationToken cancellationToken)
    {
        var type = MessageTypes.Resolve(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, type, MessageTypes.Json)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty body.");

        // Continue the trace of the transaction that wrote the event; MassTransit's send span is our child
        // and carries the context on to the consumer in the message headers. Without a listener on our
        // source the span is still created by hand, so the context reaches MassTransit's span all the same.
        ActivityContext.TryParse(row.TraceParent, row.TraceState, isRemote: true, out var parent);
        using var activity = Source.StartActivity($"outbox relay {type.Name}", ActivityKind.Internal, parent)
            ?? StartUnrecorded(row);
        activity?.SetTag(Telemetry.Attributes.MessageType, type.Name);
        activity?.SetTag("messaging.message.id", row.Id.ToString());

        // A publish waits for the broker's confirm; while the broker is unreachable MassTransit would wait
        // for it indefinitely, holding the batch. The timeout turns that into a retry with backoff.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            await bus.Publish(message, type, context =>
            {
                context.MessageId = row.Id;
                context.Headers.Set(AggregateIdHeader, row.AggregateId);
                context.Headers.Set(ProducerHeader, _options.Producer);
                if (_options.MustBeRouted(type) && context.TryGetPayload<RabbitMqSendContext>(out var rabbit))
                {
                    rabbit.Mandatory = true;
                }
            }, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The broker did not confirm within {_options.PublishTimeout.TotalSeconds:F0} s.");
        }
    }

    private static Activity? StartUnrecorded(Row row)
    {
        if (row.TraceParent is null)
        {
            return null;
        }
        var activity = new Activity("outbox relay");
        activity.SetParentId(row.TraceParent);
        activity.TraceStateString = row.TraceState;
        return activity.Start();
    }

    private async Task CleanupIfDueAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow < _nextCleanup)
        {
            return;
        }
        _nextCleanup = DateTimeOffset.UtcNow + _options.CleanupInterval;
        await using var command = dataSource.CreateCommand(
            $"""
            DELETE FROM {OutboxSchema.OutboxTable} WHERE sent_at < now() - @sent;
            DELETE FROM {OutboxSchema.InboxTable} WHERE processed_at < now() - @inbox;
            """);
        command.Parameters.AddWithValue("sent", _options.SentRetention);
        command.Parameters.AddWithValue("inbox", _options.InboxRetention);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record Row(Guid Id, string AggregateId, string MessageType, string Body, string? TraceParent, string? TraceState, int Attempts, bool Waiting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({MessageType}) failed; it will be retried")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid messageId, string messageType);
}

/// <summary>Outbox health figures: backlog size and the age of the oldest unsent event.</summary>
public sealed class OutboxMetrics
{
    private readonly Meter _meter = Telemetry.CreateMeter("Messaging");
    private long _pending;
    private double _oldestAgeSeconds;
    private long _refreshedAtTicks;

    public OutboxMetrics()
    {
        Published = _meter.CreateCounter<long>("programmes.outbox.published", description: "Outbox events published");
        PublishFailures = _meter.CreateCounter<long>("programmes.outbox.publish_failures", description: "Failed publish attempts");
        InboxDuplicates = _meter.CreateCounter<long>("programmes.inbox.duplicates", description: "Redelivered messages ignored by the inbox");
        ConsumerLag = _meter.CreateHistogram<double>("programmes.consumer.lag", "s", "Time from the relay's publish to the consumer taking the message, by message type",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
        _meter.CreateObservableGauge("programmes.outbox.pending", () => Volatile.Read(ref _pending), description: "Unsent outbox events");
        _meter.CreateObservableGauge("programmes.outbox.oldest_pending_age", () => Volatile.Read(ref _oldestAgeSeconds), "s", "Age of the oldest unsent outbox event");
    }

    public Counter<long> Published { get; }
    public Counter<long> PublishFailures { get; }
    public Counter<long> InboxDuplicates { get; }
    public Histogram<double> ConsumerLag { get; }
    public long Pending => Volatile.Read(ref _pending);
    public TimeSpan OldestPendingAge => TimeSpan.FromSeconds(Volatile.Read(ref _oldestAgeSeconds));

    /// <summary>Re-reads the backlog at most once a second.</summary>
    public async Task RefreshAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        // Several relay loops call this at once: only the one that moves the timestamp re-reads.
        var last = Interlocked.Read(ref _refreshedAtTicks);
        var now = DateTimeOffset.UtcNow.UtcTicks;
        if (now - last < TimeSpan.TicksPerSecond || Interlocked.CompareExchange(ref _refreshedAtTicks, now, last) != last)
        {
            return;
        }
        await using var command = dataSource.CreateCommand(
            $"SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM {OutboxSchema.OutboxTable} WHERE sent_at IS NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            Volatile.Write(ref _pending, reader.GetInt64(0));
            Volatile.Write(ref _oldestAgeSeconds, reader.GetDouble(1));
        }
    }
}
