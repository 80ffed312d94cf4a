using System.Net;
using Programmes.Testing;
using Xunit;

namespace Programmes.Reliability.Tests.FailingBackgroundWork;

/// <summary>
/// Issue 16: no background work may stop a service. Each loop is broken in turn; its process must keep
/// answering its API, report Degraded readiness naming the loop and the reason, and be Healthy again once
/// the fault is gone.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class BackgroundLoopTests(LoopFaultSystem system) : IClassFixture<LoopFaultSystem>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static TheoryData<Services, string> Loops => new()
    {
        { Services.Intake, "OutboxRelay" },
        { Services.Intake, "DatabaseGauges" },
        { Services.Intake, "IdempotencyKeyCleanup" },
        { Services.Planning, "OutboxRelay" },
        { Services.Planning, "DatabaseGauges" },
        { Services.Planning, "IdempotencyKeyCleanup" },
        { Services.Coordination, "OutboxRelay" },
        { Services.Coordination, "DatabaseGauges" },
        { Services.Coordination, "ClearanceDeadlineWatch" },
        { Services.Coordination, "WebhookDispatcher" },
        { Services.Funding, "OutboxRelay" },
        { Services.Funding, "DatabaseGauges" },
        { Services.Funding, "IdempotencyKeyCleanup" },
        { Services.None, "BrokerMetrics" },
    };

    [Theory]
    [MemberData(nameof(Loops))]
    public async Task A_failing_loop_degrades_readiness_by_name_and_recovers_when_the_fault_goes(Services service, string loop)
    {
        await HealthyAsync(service);

        // Not a database or broker error: a fault no loop expected, like the InvalidCastException of a bad row.
        system.Faults[(service, loop)] = new InvalidCastException($"injected into {loop}");
        await Eventually.TrueAsync(async () => await system.ReadinessAsync(service) is ("Degraded", { } reason)
            && reason.Contains(loop, StringComparison.Ordinal) && reason.Contains("InvalidCastException", StringComparison.Ordinal),
            Deadline, $"{service} readiness naming {loop}");
        await AnswersAsync(service);

        system.Faults.TryRemove((service, loop), out _);
        await HealthyAsync(service);
        await AnswersAsync(service);
    }

    [Fact]
    public async Task A_gauge_that_overflows_on_read_degrades_funding_and_recovers_when_the_row_goes()
    {
        await HealthyAsync(Services.Funding);

        // The value of issue 16's incident: more digits than System.Decimal holds, so Npgsql throws on read.
        await system.ExecuteOnFundingAsync($"INSERT INTO {LoopFaultSystem.ProbeTable} VALUES (72911.50442477876106194690265487)");
        await Eventually.TrueAsync(async () => await system.ReadinessAsync(Services.Funding) is ("Degraded", { } reason)
            && reason.Contains("DatabaseGauges", StringComparison.Ordinal) && reason.Contains("OverflowException", StringComparison.Ordinal),
            Deadline, "funding readiness naming the overflowing gauge");
        await AnswersAsync(Services.Funding);

        await system.ExecuteOnFundingAsync($"DELETE FROM {LoopFaultSystem.ProbeTable}");
        await HealthyAsync(Services.Funding);
        await AnswersAsync(Services.Funding);
    }

    private Task HealthyAsync(Services service) =>
        Eventually.TrueAsync(async () => (await system.ReadinessAsync(service)).Status == "Healthy", Deadline, $"{service} healthy");

    /// <summary>A read through the gateway that needs the process's database: the API is up, not only its health.</summary>
    private async Task AnswersAsync(Services service)
    {
        using var http = await system.ClientAsync(TestClients.Staff);
        var path = service switch
        {
            Services.Intake => "/api/intake/requests",
            Services.Planning => "/api/planning/programmes",
            Services.Coordination => "/api/coordination/partners",
            Services.Funding => "/api/funding/donors",
            _ => "/api/operations/dead-letters/audit",
        };
        await http.GetAsync(path).ShouldBe(HttpStatusCode.OK);
    }
}
