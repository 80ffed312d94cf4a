using Microsoft.Extensions.DependencyInjection;
using Programmes.Messaging.IntegrationTests.Ledger;
using Programmes.Testing;
using Xunit;

namespace Programmes.Messaging.IntegrationTests;

/// <summary>A relay that would poll only every ten minutes: only the commit signal can wake it in time.</summary>
public sealed class WakingFixture : LedgerFixture
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(10);

    protected override Dictionary<string, string?> Settings()
    {
        var settings = LedgerHost.QuickSettings();
        settings["Messaging:Outbox:PollInterval"] = PollInterval.ToString();
        return settings;
    }
}

public sealed class WakingTests(WakingFixture fixture) : IClassFixture<WakingFixture>
{
    private readonly LedgerHost _host = fixture.Host;

    [Fact]
    public async Task A_commit_of_outbox_rows_wakes_the_relay_without_waiting_for_its_poll()
    {
        // One SaveChanges in its own transaction, then events saved inside an explicit transaction: the relay
        // hears of each commit, however long its poll interval.
        var alone = $"alone-{Guid.NewGuid():N}";
        var first = (await _host.CommitAsync((new EntryRecorded(alone, 1), alone))).Single();
        await Eventually.TrueAsync(() => Task.FromResult(_host.Deliveries.FinishedCountOf(first) >= 1), TimeSpan.FromSeconds(60),
            "the event of a plain SaveChanges, long before the relay's next poll");

        var inTransaction = $"transaction-{Guid.NewGuid():N}";
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddEvent(new EntryRecorded(inTransaction, 1), inTransaction);
            await db.SaveChangesAsync();
            db.AddEvent(new EntryRecorded(inTransaction, 2), inTransaction);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        await Eventually.TrueAsync(async () => (await _host.EntriesAsync(q => q.Where(e => e.AggregateId == inTransaction))).Count == 2,
            TimeSpan.FromSeconds(60), "both events of the explicit transaction, long before the relay's next poll");
    }
}
