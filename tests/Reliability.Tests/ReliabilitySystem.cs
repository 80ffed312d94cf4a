using System.Diagnostics;
using Npgsql;
using Programmes.Testing;
using Xunit;

namespace Programmes.Reliability.Tests;

/// <summary>The fault tests run one after another: each loads the machine, and timings of one fault must not bend another's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Faults";
}

/// <summary>Intake and planning behind the gateway, with the outbox retrying quickly enough to drain within a test.</summary>
public class ReliabilitySystem : TestSystem
{
    // Safety nets, not timings: a 2-core machine shared with other test runs may take minutes for a phase.
    public static readonly TimeSpan LoadDeadline = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan PhaseDeadline = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DrainDeadline = TimeSpan.FromMinutes(2);

    public ReliabilitySystem() : base(Services.Intake | Services.Planning)
    {
        // Production backs off up to a minute per event; a test waits seconds, not minutes, after the fault.
        Settings["Messaging:Outbox:RetryDelay"] = "00:00:00.250";
        Settings["Messaging:Outbox:MaxRetryDelay"] = "00:00:02";
        Settings["Messaging:Outbox:PublishTimeout"] = "00:00:03";
        // Every 503 during an outage is logged as an error; the load counts them instead.
        Settings["Logging:LogLevel:Default"] = "Critical";
        Settings["Logging:LogLevel:Programmes.ServiceDefaults"] = "Error";
        Settings["Logging:LogLevel:MassTransit"] = "Error";
    }

    public async Task<SubmissionLoad> LoadAsync() =>
        new([await ClientAsync(TestClients.StateKenya), await ClientAsync(TestClients.StateNiger)]);

    public async Task<long> ScalarAsync(string service, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStrings[service]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>SIGKILL, as when the host dies: no shutdown, no goodbye to clients.</summary>
    protected static async Task KillContainerAsync(string id)
    {
        using var docker = Process.Start(new ProcessStartInfo("docker", ["kill", id]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await docker.WaitForExitAsync();
        if (docker.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker kill {id}: {await docker.StandardError.ReadToEndAsync()}");
        }
    }
}
