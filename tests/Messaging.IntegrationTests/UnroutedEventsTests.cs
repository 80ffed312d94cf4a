using Programmes.Messaging.IntegrationTests.Ledger;
using Programmes.Testing;
using Xunit;

namespace Programmes.Messaging.IntegrationTests;

/// <summary>
/// An exchange with no queue bound drops what is published to it: on a fresh broker, the first events of a
/// producer that starts before its consumers would be lost. Events that have consumers are published with the
/// mandatory flag, so they come back, stay in the outbox and reach the consumers once their queues exist.
/// </summary>
public sealed class UnroutedEventsTests
{
    [Fact]
    public async Task An_event_published_before_its_consumers_ever_started_waits_in_the_outbox_and_then_reaches_them()
    {
        var database = await Infrastructure.CreateDatabaseAsync("messaging");
        var rabbitMq = await Infrastructure.CreateVirtualHostAsync();
        static void Routed(OutboxRelayOptions options) => options.MustBeRouted = type => type == typeof(EntryRecorded);
        await using var producer = await LedgerHost.StartAsync(database, rabbitMq, LedgerConsumers.None, relay: Routed);

        var aggregate = $"early-{Guid.NewGuid():N}";
        var id = (await producer.CommitAsync([(new EntryRecorded(aggregate, 1), aggregate)])).Single();
        // Returned by the broker: the relay counts a failed attempt and keeps the row.
        await Eventually.TrueAsync(async () => await producer.ScalarAsync<int>("SELECT attempts FROM outbox_messages WHERE id = $1", id) >= 2,
            what: "the relay's failed attempts on the unrouted event");
        Assert.Equal(0L, await producer.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE id = $1 AND sent_at IS NOT NULL", id));

        // The consumers start for the first time, binding their queues; the next attempt reaches them.
        await using var consumers = await LedgerHost.StartAsync(database, rabbitMq, LedgerConsumers.Sequential, relay: Routed);
        await Eventually.TrueAsync(() => Task.FromResult(consumers.Deliveries.FinishedCountOf(id) >= 1), TimeSpan.FromMinutes(1), "the event's finished delivery");
        var entries = await consumers.EntriesAsync(q => q.Where(e => e.AggregateId == aggregate));
        Assert.Equal(id, Assert.Single(entries).MessageId);
    }
}
