using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Programmes.Funding.Persistence;

namespace Programmes.Funding.Idempotency;

/// <summary>Forgets Idempotency-Keys once they are older than the retention (at least 24 hours).</summary>
internal sealed partial class IdempotencyKeyCleanup(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<FundingOptions> options, ILogger<IdempotencyKeyCleanup> logger)
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
        var retention = options.Value.IdempotencyKeyRetention < MinimumRetention ? MinimumRetention : options.Value.IdempotencyKeyRetention;
        var cutoff = clock.GetUtcNow() - retention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FundingDb>();
        return await db.IdempotencyKeys.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired Idempotency-Keys failed; the next run retries")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception);
}
