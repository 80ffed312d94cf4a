using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Programmes.Messaging.IntegrationTests.Ledger;
using Programmes.Testing;
using Xunit;

namespace Programmes.Messaging.IntegrationTests;

public sealed class RelayingFixture : LedgerFixture
{
    public static readonly TimeSpan SentRetention = TimeSpan.FromSeconds(2);

    /// <summary>Events whose first publication "kills" the relay before it marks them sent.</summary>
    public ConcurrentDictionary<Guid, bool> DieAfterPublishing { get; } = new();

    protected override Dictionary<string, string?> Settings()
    {
        var settings = LedgerHost.QuickSettings();
        settings["Messaging:Outbox:SentRetention"] = SentRetention.ToString();
        settings["Messaging:Outbox:CleanupInterval"] = "00:00:00.200";
        return settings;
    }

    protected override void ConfigureRelay(OutboxRelayOptions options) =>
        options.AfterPublishBeforeMarkingSent = sent =>
            sent.Any(id => DieAfterPublishing.TryRemove(id, out _))
                ? throw new InvalidOperationException("The relay died after publishing.")
                : Task.CompletedTask;
}

public sealed class RelayingTests(RelayingFixture fixture) : IClassFixture<RelayingFixture>
{
    private readonly LedgerHost _host = fixture.Host;

    [Fact]
    public async Task A_relay_that_dies_after_publishing_republishes_with_the_same_message_id_and_the_effect_happens_once()
    {
        var aggregate = $"crash-{Guid.NewGuid():N}";
        var messageId = (await _host.CommitAsync([(new EntryRecorded(aggregate, 1), aggregate)],
            beforeCommit: ids => fixture.DieAfterPublishing[ids.Single()] = true)).Single();

        await Eventually.TrueAsync(async () => _host.Deliveries.FinishedCountOf(messageId) >= 2
            && await _host.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE id = $1 AND sent_at IS NULL", messageId) == 0,
            what: "the republication after the crash");

        Assert.False(fixture.DieAfterPublishing.ContainsKey(messageId));
        Assert.All(_host.Deliveries.All.Where(d => d.Message is EntryRecorded r && r.AggregateId == aggregate),
            d => Assert.Equal(messageId, d.MessageId));
        var entries = await _host.EntriesAsync(q => q.Where(e => e.AggregateId == aggregate));
        Assert.Equal(messageId, Assert.Single(entries).MessageId);
    }

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        var aggregate = $"rollback-{Guid.NewGuid():N}";
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddEvent(new EntryRecorded(aggregate, 1), aggregate);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        // A later committed event of the same aggregate goes out after anything written before it.
        var marker = (await _host.CommitAsync((new EntryRecorded(aggregate, 2), aggregate))).Single();

        await Eventually.TrueAsync(async () => (await _host.EntriesAsync(q => q.Where(e => e.MessageId == marker))).Count == 1,
            what: "the committed marker event");

        Assert.DoesNotContain(_host.Deliveries.All, d => d.Message is EntryRecorded { Number: 1 } r && r.AggregateId == aggregate);
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE aggregate_id = $1 AND body->>'number' = '1'", aggregate));
        Assert.Equal([2], (await _host.EntriesAsync(q => q.Where(e => e.AggregateId == aggregate))).Select(e => e.Number));
    }

    [Fact]
    public async Task The_consumer_span_joins_the_trace_of_the_transaction_that_wrote_the_event()
    {
        var aggregate = $"trace-{Guid.NewGuid():N}";
        var (messageId, traceId) = await _host.CommitTracedAsync(new EntryRecorded(aggregate, 1), aggregate);

        var entry = await Eventually.GetAsync(async () =>
            (await _host.EntriesAsync(q => q.Where(e => e.MessageId == messageId))).SingleOrDefault(), what: "the consumed event");

        Assert.Equal(traceId, entry.TraceId);
        await Eventually.TrueAsync(() => Task.FromResult(SpansOf(traceId).Any(s => s.Kind == System.Diagnostics.ActivityKind.Consumer)),
            what: "the consumer span in the producer's trace");
        Assert.Contains(SpansOf(traceId), s => s.Source.Name == "Programmes.Messaging" && s.OperationName.StartsWith("outbox relay", StringComparison.Ordinal));
        Assert.Contains(SpansOf(traceId), s => s.Kind == System.Diagnostics.ActivityKind.Producer);
    }

    [Fact]
    public async Task Sent_events_are_deleted_once_the_retention_period_has_passed()
    {
        var aggregate = $"cleanup-{Guid.NewGuid():N}";
        var messageId = (await _host.CommitAsync((new EntryRecorded(aggregate, 1), aggregate))).Single();

        var sentAt = await Eventually.GetAsync(() => _host.ScalarAsync<DateTime?>("SELECT sent_at FROM outbox_messages WHERE id = $1", messageId),
            what: "the event marked sent");
        var goneAt = await Eventually.GetAsync(async () =>
            await _host.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE id = $1", messageId) == 0
                ? await _host.ScalarAsync<DateTime?>("SELECT now()")
                : null, timeout: TimeSpan.FromSeconds(20), what: "the sent event deleted");

        Assert.True(goneAt - sentAt >= RelayingFixture.SentRetention, $"Deleted {goneAt - sentAt} after being sent.");
        Assert.Single(await _host.EntriesAsync(q => q.Where(e => e.MessageId == messageId)));
    }

    [Fact]
    public async Task An_unpublishable_event_is_retried_and_holds_back_only_its_own_aggregate()
    {
        var stuck = $"stuck-{Guid.NewGuid():N}";
        var other = $"other-{Guid.NewGuid():N}";
        var broken = Guid.CreateVersion7();
        await InsertOutboxRowAsync(broken, stuck, new EntryRecorded(stuck, 1), "Programmes.Messaging.IntegrationTests.Ledger.EntryRenamed, Messaging.IntegrationTests");
        var held = (await _host.CommitAsync((new EntryRecorded(stuck, 2), stuck))).Single();
        var flowing = (await _host.CommitAsync((new EntryRecorded(other, 1), other))).Single();

        await Eventually.TrueAsync(async () => (await _host.EntriesAsync(q => q.Where(e => e.MessageId == flowing))).Count == 1,
            what: "the other aggregate's event");
        await Eventually.TrueAsync(async () => await _host.ScalarAsync<int>("SELECT attempts FROM outbox_messages WHERE id = $1", broken) >= 2,
            what: "a second attempt at the broken event");

        Assert.Contains("Unknown message type", await _host.ScalarAsync<string>("SELECT last_error FROM outbox_messages WHERE id = $1", broken));
        Assert.Equal(0, _host.Deliveries.CountOf(held));
        Assert.Null(await _host.ScalarAsync<DateTime?>("SELECT sent_at FROM outbox_messages WHERE id = $1", held));

        // The operator repairs the row: both events of the aggregate then go out, in order.
        await _host.ScalarAsync<int>(
            "UPDATE outbox_messages SET message_type = $1, next_attempt_at = now() WHERE id = $2",
            $"{typeof(EntryRecorded).FullName}, {typeof(EntryRecorded).Assembly.GetName().Name}", broken);
        await Eventually.TrueAsync(async () => (await _host.EntriesAsync(q => q.Where(e => e.AggregateId == stuck))).Count == 2,
            what: "the repaired aggregate's events");
        Assert.Equal([broken, held], _host.Deliveries.All.Where(d => d.Message is EntryRecorded r && r.AggregateId == stuck).Select(d => d.MessageId));
    }

    private IEnumerable<System.Diagnostics.Activity> SpansOf(string traceId)
    {
        lock (_host.Spans)
        {
            return [.. _host.Spans.Where(s => s.TraceId.ToHexString() == traceId)];
        }
    }

    private Task InsertOutboxRowAsync(Guid id, string aggregate, EntryRecorded message, string messageType) =>
        _host.ScalarAsync<int>(
            """
            INSERT INTO outbox_messages (id, aggregate_id, message_type, body, created_at, next_attempt_at)
            VALUES ($1, $2, $3, $4::jsonb, now(), now())
            """,
            id, aggregate, messageType,
            System.Text.Json.JsonSerializer.Serialize(message, System.Text.Json.JsonSerializerOptions.Web));
}
