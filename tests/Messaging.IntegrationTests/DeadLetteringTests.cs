using MassTransit;
using Programmes.Messaging.IntegrationTests.Ledger;
using Programmes.Testing;
using RabbitMQ.Client;
using Xunit;

namespace Programmes.Messaging.IntegrationTests;

public sealed class DeadLetteringFixture : LedgerFixture
{
    /// <summary>Retries long enough (about 3 s in all) to see other messages flow meanwhile.</summary>
    protected override Dictionary<string, string?> Settings()
    {
        var settings = LedgerHost.QuickSettings();
        settings["Messaging:Retry:Limit"] = "3";
        settings["Messaging:Retry:MinInterval"] = "00:00:00.500";
        settings["Messaging:Retry:MaxInterval"] = "00:00:02";
        settings["Messaging:Retry:Delta"] = "00:00:00.500";
        return settings;
    }
}

public sealed class DeadLetteringTests(DeadLetteringFixture fixture) : IClassFixture<DeadLetteringFixture>
{
    private readonly LedgerHost _host = fixture.Host;

    [Fact]
    public async Task A_consumer_that_always_throws_ends_in_its_error_queue_while_other_messages_keep_flowing()
    {
        var errorQueue = new KebabCaseEndpointNameFormatter(LedgerHost.ServiceName, includeNamespace: false).Consumer<EntryDoomedConsumer>() + "_error";
        var doomedAggregate = $"doomed-{Guid.NewGuid():N}";
        var doomed = (await _host.CommitAsync((new EntryDoomed(doomedAggregate), doomedAggregate))).Single();
        await Eventually.TrueAsync(() => Task.FromResult(_host.Deliveries.CountOf(doomed) >= 1), what: "the doomed message's first delivery");

        var flowingAggregate = $"flowing-{Guid.NewGuid():N}";
        var flowing = (await _host.CommitAsync((new EntryRecorded(flowingAggregate, 1), flowingAggregate))).Single();
        await Eventually.TrueAsync(async () => (await _host.EntriesAsync(q => q.Where(e => e.MessageId == flowing))).Count == 1,
            what: "the other consumer's effect");
        Assert.Equal(0u, await MessagesInAsync(errorQueue));

        await Eventually.TrueAsync(async () => await MessagesInAsync(errorQueue) == 1, what: "the doomed message in the error queue");
        Assert.Equal(1, _host.Deliveries.CountOf(doomed)); // the in-memory retries happen within the one delivery
        Assert.Empty(await _host.EntriesAsync(q => q.Where(e => e.MessageId == doomed)));
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE message_id = $1", doomed));

        await using var connection = await new ConnectionFactory { Uri = new Uri(fixture.RabbitMq) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var faulted = await channel.BasicGetAsync(errorQueue, autoAck: false);
        Assert.NotNull(faulted);
        Assert.Equal(doomed.ToString(), faulted.BasicProperties.MessageId);
        Assert.Contains("can never be consumed", System.Text.Encoding.UTF8.GetString((byte[])faulted.BasicProperties.Headers!["MT-Fault-Message"]!));
    }

    /// <summary>Ready messages in a queue; 0 while the queue does not exist yet.</summary>
    private async Task<uint> MessagesInAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(fixture.RabbitMq) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }
}
