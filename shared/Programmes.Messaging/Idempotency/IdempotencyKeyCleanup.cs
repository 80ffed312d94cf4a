using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Programmes.Messaging.Idempotency;

/// <summary>Forgets Idempotency-Keys once they are older than the retention (at least 24 hours).</summary>
public sealed partial class IdempotencyKeyCleanup(
    NpgsqlDataSource dataSource, TimeProvider clock, IOptions<IdempotencyOptions> options, ILogger<IdempotencyKeyCleanup> logger)
    : BackgroundService
{
    private static readonly TimeSpan MinimumRetention = TimeSpan.FromHours(24);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await DeleteExpiredAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; keys kept a little longer harm nothing.
                LogCleanupFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value.KeyRetention < MinimumRetention ? MinimumRetention : options.Value.KeyRetention;
        await using var command = dataSource.CreateCommand($"DELETE FROM {IdempotencyKeys.Table} WHERE created_at < @cutoff");
        command.Parameters.AddWithValue("cutoff", clock.GetUtcNow() - retention);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired Idempotency-Keys failed; the next run retries")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception);
}
