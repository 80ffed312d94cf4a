namespace Programmes.Messaging;

public sealed class OutboxRelayOptions
{
    /// <summary>The service whose outbox this is; set from the service name given to AddMessaging.</summary>
    public string Producer { get; set; } = "";

    /// <summary>Rows taken per transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Relay loops that drain a backlog side by side in one process (one while there is none). Each holds a
    /// database connection while it works.
    /// </summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How long the relay sleeps when no notification arrives (a safety net for missed notifications).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First retry delay after a failed publish; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one publish may wait for the broker's confirm before it counts as failed and is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent rows are kept this long (for inspection), then deleted.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Inbox rows are kept this long; it must exceed the longest time a message can be redelivered.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Readiness turns Degraded when the oldest unsent event is older than this.</summary>
    public TimeSpan BacklogAgeThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Events that must reach at least one queue: published with RabbitMQ's mandatory flag, so an event no queue
    /// is bound for yet (its consumers have never started on this broker) comes back and stays in the outbox to
    /// be retried, instead of being dropped by the exchange. By default, the events the catalogue gives consumers.
    /// </summary>
    public Func<Type, bool> MustBeRouted { get; set; } = Catalogue.EventCatalogue.HasConsumers;

    /// <summary>
    /// Fault injection for tests: called after a batch was published and before it is marked sent.
    /// Throwing here leaves the batch unsent, as if the process had died at that moment.
    /// </summary>
    public Func<IReadOnlyList<Guid>, Task>? AfterPublishBeforeMarkingSent { get; set; }
}
