using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Programmes.ServiceDefaults;

/// <summary>
/// What every <see cref="ResilientLoop"/> reports: failures are logged, counted in
/// <c>programmes.background.failures{loop}</c> (Prometheus: <c>programmes_background_failures_total</c>) and
/// held here until the loop's next success, for the readiness check to name.
/// </summary>
public sealed partial class BackgroundLoops : IDisposable
{
    private readonly ConcurrentDictionary<string, LoopFailure> _failing = new();
    private readonly BackgroundLoopOptions _options;
    private readonly ILogger<BackgroundLoops> _logger;
    private readonly TimeProvider _clock;
    private readonly Meter _meter = Telemetry.CreateMeter("Background");
    private readonly Counter<long> _failures;

    public BackgroundLoops(IOptions<BackgroundLoopOptions> options, ILogger<BackgroundLoops> logger, TimeProvider clock)
    {
        _options = options.Value;
        _logger = logger;
        _clock = clock;
        _failures = _meter.CreateCounter<long>("programmes.background.failures",
            description: "Failed passes of a background loop (gauges, outbox relay, clean-ups, watchers), by loop");
    }

    /// <summary>The loops failing now, by name: their last error and since when.</summary>
    public IReadOnlyDictionary<string, LoopFailure> Failing => _failing;

    internal void ThrowInjectedFault(string loop)
    {
        if (_options.InjectFault?.Invoke(loop) is { } fault)
        {
            throw fault;
        }
    }

    internal void Succeeded(string loop)
    {
        if (_failing.TryRemove(loop, out var failure))
        {
            LogRecovered(_logger, loop, failure.Failures);
        }
    }

    /// <summary>Records a failed pass and returns how long the loop waits before the next.</summary>
    internal TimeSpan Failed(string loop, Exception exception, int consecutiveFailures)
    {
        var reason = $"{exception.GetType().Name}: {exception.Message}";
        _failing.AddOrUpdate(loop,
            _ => new LoopFailure(reason, _clock.GetUtcNow(), 1),
            (_, previous) => previous with { Reason = reason, Failures = previous.Failures + 1 });
        _failures.Add(1, new KeyValuePair<string, object?>("loop", loop));
        var delay = Backoff(consecutiveFailures);
        LogFailed(_logger, exception, loop, consecutiveFailures, delay);
        return delay;
    }

    /// <summary>
    /// Exponential with a cap, and "equal jitter" (half fixed, half random) so the instances of a service that
    /// failed together on a shared fault do not retry in lockstep.
    /// </summary>
    internal TimeSpan Backoff(int consecutiveFailures)
    {
        var exponential = _options.FirstBackoff.Ticks * Math.Pow(2, Math.Min(consecutiveFailures - 1, 30));
        var capped = Math.Min(exponential, _options.MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)(capped / 2 + Random.Shared.NextDouble() * capped / 2));
    }

    public void Dispose() => _meter.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Background loop {Loop} failed ({Failures} in a row); it goes on after {Delay}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string loop, int failures, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Background loop {Loop} recovered after {Failures} failed passes")]
    private static partial void LogRecovered(ILogger logger, string loop, int failures);
}

/// <summary>A loop's current failure: the last error, when the run of failures began, and how many so far.</summary>
public sealed record LoopFailure(string Reason, DateTimeOffset Since, int Failures);
