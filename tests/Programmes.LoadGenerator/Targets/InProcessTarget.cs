using System.Diagnostics;
using Programmes.Testing;

namespace Programmes.LoadGenerator.Targets;

/// <summary>
/// The whole system in this process (gateway and four services on loopback ports, PostgreSQL and RabbitMQ on
/// Testcontainers), as the tests start it. Generator and system share the CPU and one process.
/// </summary>
public sealed class InProcessTarget : Target
{
    private readonly TestSystem _system;

    private InProcessTarget(TestSystem system) : base([system.GatewayUrl]) => _system = system;

    public static async Task<InProcessTarget> StartAsync()
    {
        var system = new TestSystem();
        system.Settings["Logging:LogLevel:Default"] = "Warning";
        await system.InitializeAsync();
        return new InProcessTarget(system);
    }

    public override (string ClientId, string Secret) Administrator => (TestClients.Staff.ClientId, TestClients.Staff.ClientSecret);

    public override string? PlanningDb => _system.ConnectionStrings["planning"];

    public override string FundingDb => _system.ConnectionStrings["funding"];

    public override Uri FundingService => _system.ServiceUrls[Services.Funding];

    public override Uri PlanningService => _system.ServiceUrls[Services.Planning];

    public override bool RateLimited => false;

    public override Task PrintMemoryAsync()
    {
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"== memory at the end: in-process mode, gateway + four services + generator are ONE process: RSS {self.WorkingSet64 / 1024 / 1024} MB");
        return Task.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await _system.DisposeAsync();
        await base.DisposeAsync();
    }
}
