using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Programmes.ServiceDefaults;

/// <summary>
/// Readiness is Degraded, not Unhealthy, while a loop fails: the service still answers its API, and taking it
/// out of the load balancer for a stale gauge or a late clean-up would turn a partial fault into an outage.
/// Also names any background service that stopped for good (one not built on <see cref="ResilientLoop"/>):
/// with <c>BackgroundServiceExceptionBehavior.Ignore</c> the host goes on without it, so this is where it shows.
/// </summary>
internal sealed class BackgroundLoopsHealthCheck(BackgroundLoops loops, IEnumerable<IHostedService> hosted) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = loops.Failing
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key} failing since {f.Value.Since:O} ({f.Value.Failures} times): {f.Value.Reason}")
            .Concat(hosted.OfType<BackgroundService>()
                .Where(s => s.ExecuteTask is { IsCompleted: true, IsCanceled: false } task && task.IsFaulted)
                .Select(s => $"{s.GetType().Name} stopped: {s.ExecuteTask!.Exception!.GetBaseException().Message}"))
            .ToList();
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, string.Join("; ", problems)));
    }
}
