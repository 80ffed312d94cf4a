using Microsoft.Extensions.Options;
using Npgsql;
using Programmes.ServiceDefaults;

namespace Programmes.Messaging.Idempotency;

/// <summary>Forgets Idempotency-Keys once they are older than the retention (at least 24 hours).</summary>
public sealed class IdempotencyKeyCleanup(
    NpgsqlDataSource dataSource, TimeProvider clock, IOptions<IdempotencyOptions> options, BackgroundLoops loops)
    : ResilientLoop(loops)
{
    private static readonly TimeSpan MinimumRetention = TimeSpan.FromHours(24);

    protected override async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        await DeleteExpiredAsync(stoppingToken);
        return false;
    }

    /// <summary>A failed run is tried again after the loop's backoff; keys kept a little longer harm nothing.</summary>
    protected override Task WaitAsync(CancellationToken stoppingToken) => Task.Delay(options.Value.CleanupInterval, clock, stoppingToken);

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value.KeyRetention < MinimumRetention ? MinimumRetention : options.Value.KeyRetention;
        await using var command = dataSource.CreateCommand($"DELETE FROM {IdempotencyKeys.Table} WHERE created_at < @cutoff");
        command.Parameters.AddWithValue("cutoff", clock.GetUtcNow() - retention);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
