using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Trace;
using Programmes.Messaging.IntegrationTests.Ledger;

namespace Programmes.Messaging.IntegrationTests;

/// <summary>Which consumers a ledger host runs.</summary>
public enum LedgerConsumers
{
    /// <summary>Relay only.</summary>
    None,

    /// <summary>Both consumers, several messages at a time (MassTransit's default).</summary>
    Concurrent,

    /// <summary>Both consumers, one message at a time, so the order of handling is the order of delivery.</summary>
    Sequential,
}

/// <summary>
/// A small service process built on the real extensions: <c>AddServiceDatabase</c> + <c>AddMessaging</c>
/// on a generic host, with real PostgreSQL and RabbitMQ, the outbox relay running and spans collected.
/// </summary>
public sealed class LedgerHost : IAsyncDisposable
{
    public const string ServiceName = "ledger";

    private static readonly ActivitySource Producer = new("Programmes.Tests");

    private readonly IHost _host;

    private LedgerHost(IHost host, List<Activity> spans)
    {
        _host = host;
        Spans = spans;
    }

    public IServiceProvider Services => _host.Services;
    public DeliveryLog Deliveries => Services.GetRequiredService<DeliveryLog>();
    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();
    public IBus Bus => Services.GetRequiredService<IBus>();

    /// <summary>Finished spans (of every source in the process that this host's tracer listens to).</summary>
    public List<Activity> Spans { get; }

    /// <summary>Settings for a quick test: short polls, retries and timeouts.</summary>
    public static Dictionary<string, string?> QuickSettings() => new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Programmes.Messaging.OutboxRelay"] = "Error",
        ["Messaging:Outbox:PollInterval"] = "00:00:00.500",
        ["Messaging:Outbox:RetryDelay"] = "00:00:00.200",
        ["Messaging:Outbox:MaxRetryDelay"] = "00:00:01",
        ["Messaging:Outbox:PublishTimeout"] = "00:00:02",
        ["Messaging:Retry:Limit"] = "2",
        ["Messaging:Retry:MinInterval"] = "00:00:00.050",
        ["Messaging:Retry:MaxInterval"] = "00:00:00.200",
        ["Messaging:Retry:Delta"] = "00:00:00.050",
    };

    public static async Task<LedgerHost> StartAsync(
        string database,
        string rabbitMq,
        LedgerConsumers consumers = LedgerConsumers.Concurrent,
        Dictionary<string, string?>? settings = null,
        Action<OutboxRelayOptions>? relay = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = typeof(LedgerHost).Assembly.GetName().Name,
            DisableDefaults = false,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? QuickSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = database,
            ["ConnectionStrings:RabbitMq"] = rabbitMq,
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DeliveryLog>();
        builder.Services.AddConsumeObserver(sp => sp.GetRequiredService<DeliveryLog>());
        var spans = new List<Activity>();
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddSource("Programmes.*", "MassTransit")
            .AddInMemoryExporter(spans));

        builder.AddServiceDatabase<LedgerDb>();
        builder.AddMessaging<LedgerDb>(ServiceName, x =>
        {
            if (consumers == LedgerConsumers.None)
            {
                return;
            }
            var recorded = x.AddConsumer<EntryRecordedConsumer>();
            var doomed = x.AddConsumer<EntryDoomedConsumer>();
            if (consumers == LedgerConsumers.Sequential)
            {
                recorded.Endpoint(e => e.ConcurrentMessageLimit = 1);
                doomed.Endpoint(e => e.ConcurrentMessageLimit = 1);
            }
        });
        // Publishing before the consumers' queues are bound would drop the message: start them first.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        if (relay is not null)
        {
            builder.Services.PostConfigure(relay);
        }

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // The test context has no migrations: create its tables, then the outbox/inbox as a service does.
            await scope.ServiceProvider.GetRequiredService<LedgerDb>().Database.EnsureCreatedAsync();
        }
        await host.StartAsync();
        return new LedgerHost(host, spans);
    }

    /// <summary>Commits one transaction holding the given events, as a service's command handler does.</summary>
    public Task<Guid[]> CommitAsync(params (object Event, string AggregateId)[] events) => CommitAsync(events, beforeCommit: null);

    /// <param name="beforeCommit">Sees the events' message ids before they are committed.</param>
    public async Task<Guid[]> CommitAsync(IEnumerable<(object Event, string AggregateId)> events, Action<Guid[]>? beforeCommit)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDb>();
        foreach (var (evt, aggregateId) in events)
        {
            db.AddEvent(evt, aggregateId);
        }
        Guid[] ids = [.. db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity.Id)];
        beforeCommit?.Invoke(ids);
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>Commits inside a span of a test source: the producer's trace. Returns the trace id.</summary>
    public async Task<(Guid MessageId, string TraceId)> CommitTracedAsync(object evt, string aggregateId)
    {
        using var activity = Producer.StartActivity("test command", ActivityKind.Server)
            ?? throw new InvalidOperationException("No tracer listens to the test source.");
        var ids = await CommitAsync((evt, aggregateId));
        return (ids.Single(), activity.TraceId.ToHexString());
    }

    public async Task<List<LedgerEntry>> EntriesAsync(Func<IQueryable<LedgerEntry>, IQueryable<LedgerEntry>> filter)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDb>();
        return await filter(db.Entries.AsNoTracking()).ToListAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
