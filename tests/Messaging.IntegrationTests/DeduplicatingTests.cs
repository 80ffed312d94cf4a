using MassTransit;
using Programmes.Messaging.IntegrationTests.Ledger;
using Programmes.Testing;
using Xunit;

namespace Programmes.Messaging.IntegrationTests;

public sealed class DeduplicatingTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    private readonly LedgerHost _host = fixture.Host;

    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect()
    {
        var aggregate = $"twice-{Guid.NewGuid():N}";
        var messageId = Guid.NewGuid();

        await PublishAsync(messageId, new EntryRecorded(aggregate, 1));
        await Eventually.TrueAsync(() => Task.FromResult(_host.Deliveries.FinishedCountOf(messageId) == 1), what: "the first delivery");
        await PublishAsync(messageId, new EntryRecorded(aggregate, 1));
        await Eventually.TrueAsync(() => Task.FromResult(_host.Deliveries.FinishedCountOf(messageId) == 2), what: "the second delivery");

        Assert.Single(await _host.EntriesAsync(q => q.Where(e => e.MessageId == messageId)));
    }

    [Fact]
    public async Task The_same_message_delivered_concurrently_has_one_effect()
    {
        const int copies = 8;
        var aggregate = $"concurrent-{Guid.NewGuid():N}";
        var messageId = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => PublishAsync(messageId, new EntryRecorded(aggregate, 1))));
        await Eventually.TrueAsync(() => Task.FromResult(_host.Deliveries.FinishedCountOf(messageId) == copies), what: "every copy delivered");

        Assert.Single(await _host.EntriesAsync(q => q.Where(e => e.MessageId == messageId)));
        Assert.Equal(1L, await _host.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE message_id = $1", messageId));
    }

    private Task PublishAsync(Guid messageId, EntryRecorded message) =>
        _host.Bus.Publish(message, context => context.MessageId = messageId);
}
