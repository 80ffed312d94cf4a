using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Programmes.ServiceDefaults;

namespace Programmes.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// Registers the service's database: one NpgsqlDataSource (traced), the EF Core context on it with
    /// snake_case names (committed outbox rows wake the relay), and a readiness check. Connection string:
    /// <c>ConnectionStrings:Database</c>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("ConnectionStrings:Database is not configured.");
        var dataSource = DatabaseConnections.Build(connectionString);
        builder.Services.AddSingleton(dataSource);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxCommitInterceptor>();
        // Pooled: a context and its internal services were built for every request and every message
        // (docs/performance.md). A pooled context keeps no per-request state of ours: it only takes options.
        builder.Services.AddDbContextPool<TDbContext>((services, options) => options
            .UseNpgsql(dataSource)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(services.GetRequiredService<OutboxCommitInterceptor>()));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "database",
            sp => new DatabaseHealthCheck(sp.GetRequiredService<NpgsqlDataSource>()),
            HealthStatus.Unhealthy,
            [ServiceDefaultsExtensions.ReadyTag],
            TimeSpan.FromSeconds(5)));
        return builder;
    }

    /// <summary>
    /// MassTransit over RabbitMQ (quorum queues, retry with backoff then the _error queue), the outbox
    /// relay for <typeparamref name="TDbContext"/>, and readiness checks for broker and outbox.
    /// Connection string: <c>ConnectionStrings:RabbitMq</c> (an amqp:// URI). With a RabbitMQ cluster, list every
    /// node in <c>Messaging:ClusterNodes</c> ("host:port,host:port"): the connection fails over between them.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? consumers = null)
        where TDbContext : DbContext
    {
        var rabbit = builder.Configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not configured.");
        var retry = builder.Configuration.GetSection("Messaging:Retry").Get<RetrySettings>() ?? new RetrySettings();
        var consuming = builder.Configuration.GetSection("Messaging:Consumers").Get<ConsumerSettings>() ?? new ConsumerSettings();
        var clusterNodes = (builder.Configuration["Messaging:ClusterNodes"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        builder.Services.AddMassTransit(x =>
        {
            // Queues are named "<service>-<consumer>"; each service's consumers compete across its instances.
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            consumers?.Invoke(x);
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint)
                {
                    rabbitEndpoint.SetQuorumQueue();
                }
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(rabbit), host =>
                {
                    if (clusterNodes.Length > 0)
                    {
                        host.UseCluster(cluster =>
                        {
                            foreach (var node in clusterNodes)
                            {
                                cluster.Node(node);
                            }
                        });
                    }
                });
                if (consuming.PrefetchCount is { } prefetch)
                {
                    cfg.PrefetchCount = prefetch;
                }
                if (consuming.ConcurrentMessageLimit is { } limit)
                {
                    cfg.ConcurrentMessageLimit = limit;
                }
                cfg.ConfigureJsonSerializerOptions(WireFormat.Configure);
                cfg.UseMessageRetry(r => r.Exponential(retry.Limit, retry.MinInterval, retry.MaxInterval, retry.Delta));
                cfg.ConfigureEndpoints(context);
            });
        });

        builder.Services.Configure<OutboxRelayOptions>(builder.Configuration.GetSection("Messaging:Outbox"));
        builder.Services.PostConfigure<OutboxRelayOptions>(options => options.Producer = serviceName);
        builder.Services.AddSingleton<OutboxMetrics>();
        builder.Services.AddSingleton(new InboxBatches(consuming.InboxBatchSize, consuming.InboxTransactionsInFlight));
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.AddBackgroundLoops();
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox", HealthStatus.Degraded, [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Every consumer of the service. MassTransit's default (16 on up to 8 cores) kept each consumer's throughput at
    /// 16 inbox transactions in flight; with group commit the messages in flight share transactions, so more of them
    /// make bigger batches (docs/performance.md, "Where the time goes"). A message waiting for a batch holds no connection.
    /// </summary>
    private sealed class ConsumerSettings
    {
        public ushort? PrefetchCount { get; set; } = 128;
        public int? ConcurrentMessageLimit { get; set; } = 128;

        /// <summary>Most messages of one consumer committed in one inbox transaction (group commit); 1 turns it off.</summary>
        public int InboxBatchSize { get; set; } = 64;

        /// <summary>
        /// Inbox transactions of one consumer in flight at once before messages wait to share the next: more keeps
        /// latency low at moderate load (a message need not wait for a transaction to end), each holds a connection.
        /// </summary>
        public int InboxTransactionsInFlight { get; set; } = 4;
    }

    private sealed class RetrySettings
    {
        public int Limit { get; set; } = 5;
        public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
        public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);
        public TimeSpan Delta { get; set; } = TimeSpan.FromMilliseconds(500);
    }
}
