using Programmes.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Programmes.Reliability.Tests.RestartingTheDatabase;

[Collection(FaultsCollection.Name)]
public sealed class DatabaseRestartTests(DedicatedDatabaseSystem system, ITestOutputHelper output) : IClassFixture<DedicatedDatabaseSystem>
{
    [Fact]
    public async Task Submissions_answer_503_while_PostgreSQL_restarts_and_every_accepted_one_reaches_planning_exactly_once()
    {
        var load = await system.LoadAsync();
        var running = load.RunAsync(ReliabilitySystem.LoadDeadline);
        await Eventually.TrueAsync(() => Task.FromResult(load.Accepted >= 1_000), ReliabilitySystem.PhaseDeadline, "1,000 submissions accepted before the fault");

        await system.Database.StopAsync();
        var acceptedAtStop = load.Accepted;
        await Eventually.TrueAsync(() => Task.FromResult(load.Unavailable > 0), ReliabilitySystem.PhaseDeadline, "a 503 while PostgreSQL is down");
        var unavailableDuringOutage = load.Unavailable;
        await system.Database.StartAsync();
        var restartedAt = load.Elapsed;

        await running;
        var audit = await DeliveryAudit.AfterDrainAsync(system, load, ReliabilitySystem.DrainDeadline);

        output.WriteLine($"PostgreSQL stopped after {acceptedAtStop} acceptances, {unavailableDuringOutage} 503s before it was started again " +
            $"at {restartedAt.TotalSeconds:F1} s; last 503 at {load.LastUnavailableAt.TotalSeconds:F1} s, last acceptance at {load.LastAcceptedAt.TotalSeconds:F1} s");
        audit.Print(output, "PostgreSQL restarted", load, system);
        Assert.True(unavailableDuringOutage > 0);
        Assert.Equal(0, load.InternalErrors);
        Assert.Equal(0, load.OtherFailures);
        Assert.True(load.LastAcceptedAt > restartedAt, "no submission was accepted after PostgreSQL came back");
        audit.AssertNothingLostOrDoubled(load);
    }
}
