using Programmes.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Programmes.Reliability.Tests.KillingAConsumer;

[Collection(FaultsCollection.Name)]
public sealed class PlanningKillTests(NoDrainSystem system, ITestOutputHelper output) : IClassFixture<NoDrainSystem>
{
    [Fact]
    public async Task Every_accepted_submission_reaches_planning_exactly_once_when_planning_is_killed_mid_load_and_a_new_instance_starts()
    {
        var load = await system.LoadAsync();
        var running = load.RunAsync(ReliabilitySystem.LoadDeadline);
        await Eventually.TrueAsync(async () => load.Accepted >= 1_000
                && await system.ScalarAsync("planning", "SELECT count(*) FROM planning_intake_items") >= 200,
            ReliabilitySystem.PhaseDeadline, "planning consuming while submissions are accepted");

        // No drain: deliveries in flight are cancelled and left unacknowledged, the relay stops mid-batch.
        await system.StopServiceAsync(Services.Planning);
        var acceptedAtKill = load.Accepted;
        var itemsAtKill = await system.ScalarAsync("planning", "SELECT count(*) FROM planning_intake_items");
        await Eventually.TrueAsync(() => Task.FromResult(load.Accepted >= Math.Min(acceptedAtKill + 1_000, 5_000)),
            ReliabilitySystem.PhaseDeadline, "submissions queueing up for planning while it is down");

        await system.StartServiceAsync(Services.Planning);
        await running;
        var audit = await DeliveryAudit.AfterDrainAsync(system, load, ReliabilitySystem.DrainDeadline);

        output.WriteLine($"planning killed after {acceptedAtKill} acceptances and {itemsAtKill} intake items; restarted after {load.Accepted} acceptances");
        audit.Print(output, "planning killed", load, system);
        Assert.Equal(0, load.InternalErrors);
        audit.AssertNothingLostOrDoubled(load);
    }
}
