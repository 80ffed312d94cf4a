using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Programmes.PartnerCoordination.DeliveringWebhooks;
using Programmes.PartnerCoordination.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.PartnerCoordination.ClearingProgramme;

/// <summary>Closes rounds whose deadline passed; each round in its own transaction, guarded by its row version.</summary>
public sealed class ClearanceDeadlineWatch(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<ClearanceOptions> options, WebhookSignal signal,
    BackgroundLoops loops) : ResilientLoop(loops)
{
    protected override async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        await CloseDueRoundsAsync(stoppingToken);
        return false;
    }

    protected override Task WaitAsync(CancellationToken stoppingToken) => Task.Delay(options.Value.CheckInterval, stoppingToken);

    private async Task CloseDueRoundsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<CoordinationDb>().ClearanceRounds
                .Where(r => r.Status == RoundStatus.Open && r.Deadline <= now)
                .OrderBy(r => r.Deadline).Select(r => r.Id).Take(100).ToListAsync(cancellationToken);
        }
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoordinationDb>();
            var round = await db.ClearanceRounds.Include(r => r.Addressees).Include(r => r.Overlaps).SingleAsync(r => r.Id == id, cancellationToken);
            if (round.Status != RoundStatus.Open)
            {
                continue;
            }
            await RoundClosure.CloseAsync(db, round, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                signal.Notify();
            }
            catch (DbUpdateConcurrencyException)
            {
                // The last answer closed it meanwhile (or another instance did): nothing left to do.
            }
        }
    }
}
