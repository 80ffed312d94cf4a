using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Programmes.Messaging;
using Programmes.Testing;

namespace Programmes.Benchmarks;

/// <summary>
/// The outbox end to end on real PostgreSQL and RabbitMQ: commit (one event per transaction, like a
/// service) -> relay -> broker -> inbox consumer. Phase 1 writes at a fixed rate and measures the latency
/// from commit to consume; phase 2 drains a backlog written before the relay starts.
/// Args: [rate/s=1000] [seconds=10] [backlog=20000]; knobs as settings, e.g. Messaging:Outbox:BatchSize=500.
/// </summary>
public sealed class OutboxBenchmark : IBenchmark
{
    public string Name => "outbox";
    public string Description => "outbox throughput and commit-to-consume latency at a fixed rate; backlog drain rate";

    public async Task RunAsync(string[] args)
    {
        var positional = args.Where(a => !a.Contains('=')).Select(int.Parse).ToArray();
        var rate = positional.ElementAtOrDefault(0) is > 0 and var r ? r : 1000;
        var seconds = positional.ElementAtOrDefault(1) is > 0 and var s ? s : 10;
        var backlog = positional.ElementAtOrDefault(2) is > 0 and var b ? b : 20_000;
        var settings = args.Where(a => a.Contains('=')).Select(a => a.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]);
        Console.WriteLine($"settings: {(settings.Count == 0 ? "defaults" : string.Join(", ", settings.Select(kv => $"{kv.Key}={kv.Value}")))}");

        // The consumers as they were before the inbox committed several messages per transaction (one transaction
        // per message, MassTransit's default prefetch and concurrency of 16 on up to 8 cores), then as configured:
        // same machine, same run, so the ratio means something on a loaded machine.
        var before = new Dictionary<string, string?>(settings)
        {
            ["Messaging:Consumers:InboxBatchSize"] = "1",
            ["Messaging:Consumers:PrefetchCount"] = "16",
            ["Messaging:Consumers:ConcurrentMessageLimit"] = "16",
        };
        await FixedRateAsync("consumers before", rate, seconds, before);
        await FixedRateAsync("as configured", rate, seconds, settings);
        await BacklogAsync(backlog, before, settings);
    }

    private static async Task FixedRateAsync(string label, int rate, int seconds, Dictionary<string, string?> settings)
    {
        var total = rate * seconds;
        await using var bench = await BenchHost.StartAsync(settings, prefill: 0);
        // Warm-up (JIT, connections, the exchange): not counted.
        const int warmUp = 200;
        for (var i = 0; i < warmUp; i++)
        {
            await bench.CommitOneAsync(-1 - i);
        }
        await bench.Consumed.WaitAsync(warmUp, TimeSpan.FromSeconds(60));
        bench.Consumed.Reset();
        const int writers = 16;
        var started = Stopwatch.StartNew();
        var next = -1;
        var late = 0;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            // Event i is due at i/rate seconds: a writer sleeps until its next event is due.
            for (var i = Interlocked.Increment(ref next); i < total; i = Interlocked.Increment(ref next))
            {
                var due = TimeSpan.FromSeconds((double)i / rate) - started.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }
                else if (due < TimeSpan.FromMilliseconds(-100))
                {
                    Interlocked.Increment(ref late);
                }
                await bench.CommitOneAsync(i);
            }
        })));
        var written = started.Elapsed;
        await bench.Consumed.WaitAsync(total, TimeSpan.FromSeconds(120));
        var drained = started.Elapsed;

        Console.WriteLine($"fixed rate ({label}): target {rate}/s for {seconds} s; committed {total} in {written.TotalSeconds:F1} s ({total / written.TotalSeconds:F0}/s, {late} commits > 100 ms late)");
        Console.WriteLine($"fixed rate ({label}): consumed {bench.Consumed.Count} in {drained.TotalSeconds:F1} s ({bench.Consumed.Count / drained.TotalSeconds:F0} events/s commit to consumer)");
        Console.WriteLine($"fixed rate ({label}): commit -> consume latency {bench.Consumed.Latency.Summary()}");
        Console.WriteLine($"fixed rate ({label}): of which broker publish -> consumer {bench.Consumed.FromPublish.Summary()}");
    }

    private static async Task BacklogAsync(int backlog, Dictionary<string, string?> before, Dictionary<string, string?> settings)
    {
        var (beforeSent, beforeConsumed) = await DrainAsync("backlog (consumers before: 1 message per inbox transaction, prefetch 16)", backlog, before);
        var (afterSent, afterConsumed) = await DrainAsync("backlog (as configured)", backlog, settings);
        Console.WriteLine($"backlog: as configured / before: outbox drain {afterSent / beforeSent:F2}; to the consumer {afterConsumed / beforeConsumed:F2}");
    }

    /// <summary>Returns the outbox drain rate (every row marked sent) and the rate at which events reached the consumer.</summary>
    private static async Task<(double Sent, double Consumed)> DrainAsync(string label, int backlog, Dictionary<string, string?> settings)
    {
        await using var bench = await BenchHost.StartAsync(settings, prefill: backlog);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.StartNew();
        await bench.UntilAllSentAsync();
        var sent = started.Elapsed;
        await bench.Consumed.WaitAsync(backlog, TimeSpan.FromSeconds(180));
        var consumed = started.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"{label}: {backlog} events (one per aggregate) published and marked sent in {sent.TotalSeconds:F1} s: " +
            $"{backlog / sent.TotalSeconds:F0} events/s; all consumed in {consumed.TotalSeconds:F1} s: {backlog / consumed.TotalSeconds:F0} events/s; " +
            $"relay + consumers {cpu.TotalMicroseconds / backlog:F0} us CPU per event (this process, not PostgreSQL or RabbitMQ)");
        return (backlog / sent.TotalSeconds, backlog / consumed.TotalSeconds);
    }
}

/// <summary>A service process for the benchmark: the real extensions, a context with the outbox only.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchHost(IHost host) => _host = host;

    public Arrivals Consumed => _host.Services.GetRequiredService<Arrivals>();

    public static async Task<BenchHost> StartAsync(Dictionary<string, string?> settings, int prefill)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            // Room for the writers, the consumers and the relay; a patient timeout on a loaded machine.
            ["ConnectionStrings:Database"] = new NpgsqlConnectionStringBuilder(await Infrastructure.CreateDatabaseAsync("outboxbench"))
            {
                MaxPoolSize = 200,
                Timeout = 60,
            }.ConnectionString,
            ["ConnectionStrings:RabbitMq"] = await Infrastructure.CreateVirtualHostAsync(),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Arrivals>();
        builder.AddServiceDatabase<BenchDb>();
        builder.AddMessaging<BenchDb>("outboxbench", x => x.AddConsumer<TickConsumer>());
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        var host = builder.Build();

        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // The model is the outbox and inbox only: creating it creates their tables.
            await scope.ServiceProvider.GetRequiredService<BenchDb>().Database.EnsureCreatedAsync();
        }
        if (prefill > 0)
        {
            // Written before the relay starts: a backlog, as after an outage.
            await using var command = dataSource.CreateCommand(
                $"""
                INSERT INTO outbox_messages (id, aggregate_id, message_type, body, created_at, next_attempt_at)
                SELECT gen_random_uuid(), 'tick-' || n, $1, json_build_object('number', n, 'writtenAt', now())::jsonb, now(), now()
                FROM generate_series(1, {prefill}) n
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = $"{typeof(Tick).FullName}, {typeof(Tick).Assembly.GetName().Name}" });
            await command.ExecuteNonQueryAsync();
        }
        await host.StartAsync();
        return new BenchHost(host);
    }

    public async Task CommitOneAsync(int number)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDb>();
        db.AddEvent(new Tick(number, DateTimeOffset.UtcNow), $"tick-{number % 500}");
        await db.SaveChangesAsync();
    }

    public async Task UntilAllSentAsync()
    {
        await using var command = _host.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");
        await Eventually.TrueAsync(async () => (long)(await command.ExecuteScalarAsync())! == 0, TimeSpan.FromSeconds(180), "every outbox row marked sent");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

public sealed record Tick(int Number, DateTimeOffset WrittenAt);

internal sealed class BenchDb(DbContextOptions<BenchDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}

internal sealed class TickConsumer(BenchDb db, Arrivals arrivals) : InboxConsumer<Tick, BenchDb>(db)
{
    protected override Task HandleAsync(Tick message, ConsumeContext<Tick> context)
    {
        var now = DateTimeOffset.UtcNow;
        arrivals.Add(now - message.WrittenAt, context.SentTime is { } sent ? now - new DateTimeOffset(sent, TimeSpan.Zero) : TimeSpan.Zero);
        return Task.CompletedTask;
    }
}

/// <summary>Consumed events and their commit-to-consume latency.</summary>
internal sealed class Arrivals
{
    private int _count;

    public Latency Latency { get; private set; } = new();

    /// <summary>From the relay's publish (MassTransit's sent time) to the consumer.</summary>
    public Latency FromPublish { get; private set; } = new();

    public int Count => Volatile.Read(ref _count);

    public void Add(TimeSpan latency, TimeSpan fromPublish)
    {
        Latency.Add(latency);
        FromPublish.Add(fromPublish);
        Interlocked.Increment(ref _count);
    }

    /// <summary>Forgets the arrivals so far (after a warm-up).</summary>
    public void Reset()
    {
        Latency = new Latency();
        FromPublish = new Latency();
        Volatile.Write(ref _count, 0);
    }

    public Task WaitAsync(int count, TimeSpan timeout) =>
        Eventually.TrueAsync(() => Task.FromResult(Count >= count), timeout, $"{count} events consumed");
}
