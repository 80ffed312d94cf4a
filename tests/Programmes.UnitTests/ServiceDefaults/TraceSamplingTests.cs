using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Programmes.ServiceDefaults;
using Xunit;

namespace Programmes.UnitTests.ServiceDefaults;

/// <summary>Sampling below 1 keeps sampled journeys whole and never loses a failed or slow span.</summary>
public sealed class TraceSamplingTests
{
    [Fact]
    public void At_ratio_zero_only_failed_and_slow_spans_are_exported_and_a_sampled_parent_keeps_its_children()
    {
        using var source = new ActivitySource($"Programmes.SamplingTest.{Guid.NewGuid():N}");
        var exported = new List<Activity>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:Tracing:SamplingRatio"] = "0",
            ["Telemetry:Tracing:SlowThreshold"] = "00:00:00.050",
        }).Build();
        using var provider = Sdk.CreateTracerProviderBuilder()
            .AddTraceSampling(configuration)
            .AddSource(source.Name)
            .AddProcessor(new Collect(exported))
            .Build();

        using (var ok = source.StartActivity("ok"))
        {
            Assert.NotNull(ok);
            Assert.False(ok.Recorded);
            Assert.Null(source.StartActivity("child of an unsampled span"));
        }
        using (var failed = source.StartActivity("failed"))
        {
            failed!.SetStatus(ActivityStatusCode.Error);
        }
        using (var slow = source.StartActivity("slow"))
        {
            slow!.SetEndTime(slow.StartTimeUtc.AddMilliseconds(60));
        }
        // A journey sampled upstream (the W3C flag says so) is followed whole.
        var upstream = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        using (var consumer = source.StartActivity("consume", ActivityKind.Consumer, upstream))
        {
            using var child = source.StartActivity("child");
            Assert.True(child!.Recorded);
        }

        Assert.Equal(["failed", "slow", "child", "consume"], exported.Select(a => a.DisplayName));
    }

    private sealed class Collect(List<Activity> exported) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity activity)
        {
            if (activity.Recorded)
            {
                exported.Add(activity);
            }
        }
    }
}
