using Programmes.Messaging.IntegrationTests.Ledger;
using Programmes.Testing;
using Testcontainers.RabbitMq;
using Xunit;

namespace Programmes.Messaging.IntegrationTests;

/// <summary>A RabbitMQ of this class's own, on a fixed host port so that its address survives a restart.</summary>
public sealed class BrokerOutageFixture : IAsyncLifetime
{
    public RabbitMqContainer Broker { get; private set; } = null!;
    public LedgerHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = Infrastructure.Labelled(new RabbitMqBuilder(Infrastructure.RabbitMqImage))
            .WithUsername(Infrastructure.User)
            .WithPassword(Infrastructure.Password)
            .WithPortBinding(LoopbackPorts.Free(), RabbitMqBuilder.RabbitMqPort)
            .Build();
        await Broker.StartAsync();
        Host = await LedgerHost.StartAsync(await Infrastructure.CreateDatabaseAsync("messaging"), Broker.GetConnectionString());
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Broker.DisposeAsync();
    }
}

public sealed class BrokerOutageTests(BrokerOutageFixture fixture) : IClassFixture<BrokerOutageFixture>
{
    private readonly LedgerHost _host = fixture.Host;

    [Fact]
    public async Task Events_committed_while_the_broker_is_down_are_all_delivered_once_when_it_is_back()
    {
        var before = (await _host.CommitAsync((new EntryRecorded("before", 1), "before"))).Single();
        await Eventually.TrueAsync(async () => (await _host.EntriesAsync(q => q.Where(e => e.MessageId == before))).Count == 1,
            what: "delivery before the outage");

        await fixture.Broker.StopAsync();
        var pending = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            var aggregate = $"outage-{i % 5}";
            pending.AddRange(await _host.CommitAsync((new EntryRecorded(aggregate, i / 5 + 1), aggregate)));
        }
        // The relay tries, fails and backs off while the broker is away.
        await Eventually.TrueAsync(async () => await _host.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE attempts > 0 AND sent_at IS NULL") > 0,
            what: "failed publish attempts during the outage");
        Assert.Equal(20L, await _host.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL"));

        await fixture.Broker.StartAsync();

        await Eventually.TrueAsync(async () => (await _host.EntriesAsync(q => q.Where(e => e.AggregateId.StartsWith("outage-")))).Count == pending.Count,
            TimeSpan.FromSeconds(90), "every pending event delivered after the restart");
        await Eventually.TrueAsync(async () => await _host.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") == 0,
            what: "every event marked sent");
        var entries = await _host.EntriesAsync(q => q.Where(e => e.AggregateId.StartsWith("outage-")));
        Assert.Equal(pending.Order(), entries.Select(e => e.MessageId).Order());
        Assert.All(pending, id => Assert.True(_host.Deliveries.CountOf(id) >= 1));
    }
}
