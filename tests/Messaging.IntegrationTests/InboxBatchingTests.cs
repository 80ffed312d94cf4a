using System.Diagnostics;
using MassTransit;
using Programmes.Messaging.IntegrationTests.Ledger;
using Programmes.Testing;
using RabbitMQ.Client;
using Xunit;

namespace Programmes.Messaging.IntegrationTests;

public sealed class InboxBatchingTests : IAsyncLifetime
{
    private const int Events = 120;
    private static readonly ActivitySource Producer = new("Programmes.Tests.Batching");

    private LedgerHost _host = null!;
    private string _rabbitMq = null!;

    public async Task InitializeAsync()
    {
        var database = await Infrastructure.CreateDatabaseAsync("messaging");
        _rabbitMq = await Infrastructure.CreateVirtualHostAsync();
        _host = await LedgerHost.StartAsync(database, _rabbitMq);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Messages_committed_together_keep_one_effect_each_their_own_trace_and_a_poisoned_one_fails_alone()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var poisoned = $"poisoned-{run}";
        // Many separate commits at once, each in its own trace: the relay publishes them side by side, so they reach
        // the consumer while its inbox transactions are in flight and share them.
        var commits = await Task.WhenAll(Enumerable.Range(0, Events).Select(i => Task.Run(async () =>
        {
            var aggregate = i == Events / 2 ? poisoned : $"batch-{run}-{i:D3}";
            using var activity = Producer.StartActivity("test command", ActivityKind.Server)!;
            var id = (await _host.CommitAsync((new EntryRecorded(aggregate, i == Events / 2 ? -1 : 1), aggregate))).Single();
            return (Id: id, Aggregate: aggregate, TraceId: activity.TraceId.ToHexString());
        })));
        var poison = commits.Single(c => c.Aggregate == poisoned).Id;
        var good = commits.Where(c => c.Id != poison).ToArray();

        var errorQueue = new KebabCaseEndpointNameFormatter(LedgerHost.ServiceName, includeNamespace: false).Consumer<EntryRecordedConsumer>() + "_error";
        await Eventually.TrueAsync(async () => (await _host.EntriesAsync(q => q.Where(e => e.AggregateId.StartsWith("batch-" + run)))).Count >= good.Length,
            TimeSpan.FromMinutes(2), "every good message's effect");
        await Eventually.TrueAsync(async () => await MessagesInAsync(errorQueue) == 1, what: "the poisoned message in the error queue");

        var entries = await _host.EntriesAsync(q => q.Where(e => e.AggregateId.StartsWith("batch-" + run) || e.AggregateId == poisoned));
        Assert.Equal(good.Length, entries.Count);
        foreach (var commit in good)
        {
            var entry = Assert.Single(entries, e => e.MessageId == commit.Id);
            Assert.Equal(commit.TraceId, entry.TraceId);
        }
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE message_id = $1", poison));
        // Inbox rows written by one transaction share its start time (now()): some transactions held several messages.
        var largestBatch = await _host.ScalarAsync<long>(
            "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM inbox_messages WHERE message_id = ANY($1) GROUP BY processed_at) b",
            good.Select(c => c.Id).ToArray());
        Assert.True(largestBatch >= 2, $"No inbox transaction held more than {largestBatch} message(s).");
    }

    private async Task<uint> MessagesInAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(_rabbitMq) }.CreateConnectionAsync();
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
