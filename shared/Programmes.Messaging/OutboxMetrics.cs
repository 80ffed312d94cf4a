using System.Diagnostics.Metrics;
using Npgsql;
using Programmes.ServiceDefaults;

namespace Programmes.Messaging;

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
