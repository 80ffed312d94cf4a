using Programmes.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Programmes.Reliability.Tests.KillingTheBroker;

[Collection(FaultsCollection.Name)]
public sealed class BrokerKillTests(DedicatedBrokerSystem system, ITestOutputHelper output) : IClassFixture<DedicatedBrokerSystem>
{
    [Fact]
    public async Task Every_accepted_submission_reaches_planning_exactly_once_when_RabbitMQ_is_killed_mid_load_and_started_again()
    {
        var load = await system.LoadAsync();
        var running = load.RunAsync(ReliabilitySystem.LoadDeadline);
        await Eventually.TrueAsync(() => Task.FromResult(load.Accepted >= 1_000), ReliabilitySystem.PhaseDeadline, "1,000 submissions accepted before the fault");

        await system.KillBrokerAsync();
        var acceptedAtKill = load.Accepted;
        // Intake keeps accepting: the events wait in its outbox while the relay fails and backs off.
        await Eventually.TrueAsync(async () => load.Accepted >= Math.Min(acceptedAtKill + 500, 5_000)
                && await system.ScalarAsync("intake", "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND attempts > 0") > 0,
            ReliabilitySystem.PhaseDeadline, "submissions accepted and publishes failing while the broker is down");
        var unsentDuringOutage = await system.ScalarAsync("intake", "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");

        await system.Broker.StartAsync();
        await running;
        var audit = await DeliveryAudit.AfterDrainAsync(system, load, ReliabilitySystem.DrainDeadline);

        output.WriteLine($"RabbitMQ killed after {acceptedAtKill} acceptances; {unsentDuringOutage} events unsent in intake's outbox during the outage");
        audit.Print(output, "RabbitMQ killed", load, system);
        Assert.True(unsentDuringOutage > 0);
        Assert.Equal(0, load.InternalErrors);
        audit.AssertNothingLostOrDoubled(load);
    }
}
