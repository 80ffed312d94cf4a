using System.Collections.Concurrent;
using Programmes.Messaging.IntegrationTests.Ledger;
using Programmes.Testing;
using Xunit;

namespace Programmes.Messaging.IntegrationTests;

public sealed class ConcurrentRelaysTests
{
    private const int Aggregates = 25;
    private const int EventsPerAggregate = 40;
    private const int Writers = 10;

    [Fact]
    public async Task Two_relays_on_one_database_publish_every_event_exactly_once_and_in_order_per_aggregate()
    {
        var database = await Infrastructure.CreateDatabaseAsync("messaging");
        var rabbitMq = await Infrastructure.CreateVirtualHostAsync();
        var publishedBy = new ConcurrentDictionary<Guid, int>();
        var overlaps = 0;
        Action<OutboxRelayOptions> Recording(int relay) => options =>
        {
            // Small batches, so that neither relay can take the whole table at once while the other one finds
            // every row locked: with 500 a run could end with one relay having published everything (a CI failure).
            options.BatchSize = 10;
            options.AfterPublishBeforeMarkingSent = sent =>
            {
                foreach (var id in sent)
                {
                    if (!publishedBy.TryAdd(id, relay))
                    {
                        Interlocked.Increment(ref overlaps);
                    }
                }
                return Task.CompletedTask;
            };
        };
        // The first instance consumes one message at a time, so handling order is delivery order.
        await using var first = await LedgerHost.StartAsync(database, rabbitMq, LedgerConsumers.Sequential, relay: Recording(1));
        await using var second = await LedgerHost.StartAsync(database, rabbitMq, LedgerConsumers.None, relay: Recording(2));

        // Each writer owns some aggregates and writes their events in order, one round per transaction,
        // while both relays are running.
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var mine = Enumerable.Range(0, Aggregates).Where(a => a % Writers == writer).Select(a => $"agg-{a:D3}").ToArray();
            for (var number = 1; number <= EventsPerAggregate; number++)
            {
                var host = number % 2 == 0 ? first : second;
                await host.CommitAsync([.. mine.Select(a => ((object)new EntryRecorded(a, number), a))]);
            }
        })));

        const int total = Aggregates * EventsPerAggregate;
        await Eventually.TrueAsync(() => Task.FromResult(first.Deliveries.All.Count >= total), TimeSpan.FromMinutes(3), "every event delivered");
        // Give a duplicate publication, if there were one, the time to arrive.
        await Eventually.TrueAsync(async () => await first.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") == 0,
            what: "every event marked sent");

        var deliveries = first.Deliveries.All;
        Assert.Equal(total, deliveries.Count);
        Assert.Equal(total, deliveries.Select(d => d.MessageId).Distinct().Count());
        Assert.Equal(0, overlaps);
        Assert.Equal(total, publishedBy.Count);
        Assert.Contains(publishedBy.Values, relay => relay == 1);
        Assert.Contains(publishedBy.Values, relay => relay == 2);
        foreach (var aggregate in deliveries.Select(d => (EntryRecorded)d.Message).GroupBy(m => m.AggregateId))
        {
            Assert.Equal(Enumerable.Range(1, EventsPerAggregate), aggregate.Select(m => m.Number));
        }
        Assert.Equal(total, (await first.EntriesAsync(q => q)).Count);
    }
}
