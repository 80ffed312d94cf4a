using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Programmes.ServiceDefaults;

/// <summary>
/// <c>Telemetry:Tracing:SamplingRatio</c> (default 1: every trace) and <c>Telemetry:Tracing:SlowThreshold</c>.
/// A journey is sampled once, where it starts, and every later span follows that decision (parent-based), through
/// HTTP and through the outbox and the broker, which carry the W3C trace flags: a sampled journey stays whole.
/// Requests and messages that were not sampled are still timed (recorded, not exported); one that fails or is
/// slow is exported after all, as its own span, so errors and slow requests are never lost to sampling.
/// </summary>
public static class TraceSampling
{
    public static TracerProviderBuilder AddTraceSampling(this TracerProviderBuilder tracing, IConfiguration configuration)
    {
        var ratio = configuration.GetValue("Telemetry:Tracing:SamplingRatio", 1.0);
        if (ratio >= 1.0)
        {
            return tracing.SetSampler(new ParentBasedSampler(new AlwaysOnSampler()));
        }
        var slow = configuration.GetValue("Telemetry:Tracing:SlowThreshold", TimeSpan.FromSeconds(1));
        var recordOnly = new RecordOnlySampler();
        return tracing
            .SetSampler(new ParentBasedSampler(
                new RatioOrRecordSampler(new TraceIdRatioBasedSampler(ratio)),
                remoteParentSampled: new AlwaysOnSampler(),
                remoteParentNotSampled: recordOnly,
                localParentSampled: new AlwaysOnSampler(),
                localParentNotSampled: new AlwaysOffSampler()))
            .AddProcessor(new KeepFailedAndSlow(slow));
    }

    /// <summary>The ratio's choice, or "record only" so the span is still timed and its outcome known.</summary>
    private sealed class RatioOrRecordSampler(Sampler ratio) : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
            ratio.ShouldSample(parameters).Decision == SamplingDecision.RecordAndSample
                ? new SamplingResult(SamplingDecision.RecordAndSample)
                : new SamplingResult(SamplingDecision.RecordOnly);
    }

    private sealed class RecordOnlySampler : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters parameters) => new(SamplingDecision.RecordOnly);
    }

    /// <summary>Runs before the exporter: marks a recorded-only span that failed or was slow as sampled.</summary>
    private sealed class KeepFailedAndSlow(TimeSpan slow) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity activity)
        {
            if (!activity.Recorded && (activity.Status == ActivityStatusCode.Error || activity.Duration >= slow))
            {
                activity.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
            }
        }
    }
}
