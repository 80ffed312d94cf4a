using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Programmes.Messaging;
using Programmes.ServiceDefaults;
using Programmes.Testing;

namespace Programmes.Reliability.Tests.FailingBackgroundWork;

/// <summary>
/// The whole system with every background loop on a short interval and backoff, and a fault switch per
/// (service, loop) through <see cref="BackgroundLoopOptions.InjectFault"/>. Funding also reads a probe gauge
/// from a table the test fills, to fail a gauge the way issue 16's did: a numeric that does not fit a decimal.
/// </summary>
public sealed class LoopFaultSystem : TestSystem
{
    public const string ProbeTable = "gauge_probe";

    /// <summary>The faults now injected, by the process (None is the gateway) and the loop's name.</summary>
    public ConcurrentDictionary<(Services Service, string Loop), Exception> Faults { get; } = new();

    public LoopFaultSystem() : base(Services.All)
    {
        Settings["BackgroundLoops:FirstBackoff"] = "00:00:00.050";
        Settings["BackgroundLoops:MaxBackoff"] = "00:00:00.200";
        Settings["Metrics:GaugeInterval"] = "00:00:00.200";
        Settings["Idempotency:CleanupInterval"] = "00:00:00.200";
        Settings["Clearance:CheckInterval"] = "00:00:00.200";
        Settings["Operations:BrokerPollInterval"] = "00:00:00.200";
        // The failures are the point; their error logs would only bury the test's output.
        Settings["Logging:LogLevel:Programmes.ServiceDefaults.BackgroundLoops"] = "Critical";
        Configure = (service, builder) =>
        {
            builder.Services.Configure<BackgroundLoopOptions>(options =>
                options.InjectFault = loop => Faults.GetValueOrDefault((service, loop)));
            if (service == Services.Funding)
            {
                builder.AddDatabaseGauges(new DatabaseGauge("programmes.test.probe", "A figure the test controls",
                    $"SELECT coalesce(sum(amount), 0) FROM {ProbeTable}"));
            }
        };
    }

    protected override async Task<string> CreateDatabaseAsync(string prefix)
    {
        var connectionString = await base.CreateDatabaseAsync(prefix);
        if (prefix == ClusterOf(Services.Funding))
        {
            await ExecuteAsync(connectionString, $"CREATE TABLE {ProbeTable} (amount numeric NOT NULL)");
        }
        return connectionString;
    }

    public Task ExecuteOnFundingAsync(string sql) => ExecuteAsync(ConnectionStrings[ClusterOf(Services.Funding)], sql);

    /// <summary>The process's own readiness: its status and the background check's description.</summary>
    public async Task<(string Status, string? Background)> ReadinessAsync(Services service)
    {
        using var http = new HttpClient { BaseAddress = service == Services.None ? GatewayUrl : ServiceUrls[service] };
        var report = await http.GetFromJsonAsync<JsonElement>("/health/ready");
        var background = report.GetProperty("checks").GetProperty("background");
        return (report.GetProperty("status").GetString()!, background.GetProperty("description").GetString());
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
