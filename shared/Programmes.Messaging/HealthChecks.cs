using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Programmes.Messaging;

internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database is unreachable.");
        }
    }
}

internal sealed class OutboxHealthCheck(OutboxMetrics metrics, IOptions<OutboxRelayOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(metrics.OldestPendingAge > options.Value.BacklogAgeThreshold
            ? HealthCheckResult.Degraded($"{metrics.Pending} events unsent; the oldest for {metrics.OldestPendingAge.TotalSeconds:F0} s.")
            : HealthCheckResult.Healthy($"{metrics.Pending} events unsent."));
}
