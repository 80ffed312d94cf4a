using Microsoft.Extensions.Hosting;

namespace Programmes.ServiceDefaults;

/// <summary>
/// The one shape of every background loop: a pass of work, then a wait. No exception ends the loop. A
/// failed pass (anything but the host's own shutdown) is logged, counted and reported to readiness by
/// <see cref="BackgroundLoops"/>, and the pass is tried again after a backoff; the first pass that succeeds
/// clears the report. A data fault (a value that does not fit, say) thus degrades one loop instead of
/// restarting the service into the same fault.
/// </summary>
public abstract class ResilientLoop(BackgroundLoops loops) : BackgroundService
{
    /// <summary>The name readiness, logs and the failure metric use.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>One pass of work. Returns true when more is waiting, so the next pass starts without waiting.</summary>
    protected abstract Task<bool> RunOnceAsync(CancellationToken stoppingToken);

    /// <summary>Waits between passes that found nothing more to do: an interval, a timer or a wake-up signal.</summary>
    protected abstract Task WaitAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                loops.ThrowInjectedFault(Name);
                var more = await RunOnceAsync(stoppingToken);
                failures = 0;
                loops.Succeeded(Name);
                if (!more)
                {
                    await WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = loops.Failed(Name, ex, failures);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
