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
public sealed partial class BrokerMetrics : BackgroundService
{
    private readonly DeadLetterQueues _queues;
    private readonly TimeSpan _interval;
    private readonly ILogger<BrokerMetrics> _logger;
    private readonly Meter _meter = Telemetry.CreateMeter("Broker");
    private volatile IReadOnlyList<QueueStatistics> _latest = [];

    public BrokerMetrics(DeadLetterQueues queues, IConfiguration configuration, ILogger<BrokerMetrics> logger)
    {
        _queues = queues;
        _interval = configuration.GetValue("Operations:BrokerPollInterval", TimeSpan.FromSeconds(15));
        _logger = logger;
        _meter.CreateObservableGauge("programmes.broker.queue_messages", () => Measure(q => !q.IsDeadLetterQueue),
            description: "Messages waiting for (or held by) a service's consumers, by queue");
        _meter.CreateObservableGauge("programmes.broker.dead_letters", () => Measure(q => q.IsDeadLetterQueue),
            description: "Messages in a service's _error queues, by queue");
    }

    private IEnumerable<Measurement<long>> Measure(Func<QueueStatistics, bool> which) =>
        _latest.Where(which).Select(q => new Measurement<long>(q.Messages,
            new KeyValuePair<string, object?>("queue", q.Queue), new KeyValuePair<string, object?>("service", q.Service)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval);
        do
        {
            try
            {
                _latest = await _queues.QueuesAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !stoppingToken.IsCancellationRequested)
            {
                LogReadFailed(_logger, ex);
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading queue statistics from the RabbitMQ management API failed; keeping the last figures")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
