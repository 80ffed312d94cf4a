using System.Diagnostics.Metrics;
using Programmes.ServiceDefaults;

namespace Programmes.Gateway.Operations;

/// <summary>
/// The broker's view of every consumer: messages waiting in each queue (consumer lag) and dead letters in
/// each <c>_error</c> queue, read from RabbitMQ's management API every <c>Operations:BrokerPollInterval</c>
/// (default 15 s) and served as gauges. The gateway does it because it already speaks to the management API
/// for dead-letter operations; the services' own consumer lag (publish to consume time) is their histogram
/// <c>programmes.consumer.lag</c>.
/// </summary>
public sealed class BrokerMetrics : ResilientLoop
{
    private readonly DeadLetterQueues _queues;
    private readonly TimeSpan _interval;
    private readonly Meter _meter = Telemetry.CreateMeter("Broker");
    private volatile IReadOnlyList<QueueStatistics> _latest = [];

    public BrokerMetrics(DeadLetterQueues queues, IConfiguration configuration, BackgroundLoops loops)
        : base(loops)
    {
        _queues = queues;
        _interval = configuration.GetValue("Operations:BrokerPollInterval", TimeSpan.FromSeconds(15));
        _meter.CreateObservableGauge("programmes.broker.queue_messages", () => Measure(q => !q.IsDeadLetterQueue),
            description: "Messages waiting for (or held by) a service's consumers, by queue");
        _meter.CreateObservableGauge("programmes.broker.dead_letters", () => Measure(q => q.IsDeadLetterQueue),
            description: "Messages in a service's _error queues, by queue");
    }

    private IEnumerable<Measurement<long>> Measure(Func<QueueStatistics, bool> which) =>
        _latest.Where(which).Select(q => new Measurement<long>(q.Messages,
            new KeyValuePair<string, object?>("queue", q.Queue), new KeyValuePair<string, object?>("service", q.Service)));

    /// <summary>A failed read keeps the last figures; readiness names the loop until a read succeeds.</summary>
    protected override async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        _latest = await _queues.QueuesAsync(stoppingToken);
        return false;
    }

    protected override Task WaitAsync(CancellationToken stoppingToken) => Task.Delay(_interval, stoppingToken);

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }
}
