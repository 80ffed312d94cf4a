using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Programmes.ServiceDefaults;

namespace Programmes.Messaging;

/// <summary>
/// A business figure read from the service's database: the query returns rows of (dimension value, number),
/// or a single number when <see cref="Dimension"/> is null.
/// </summary>
public sealed record DatabaseGauge(string Name, string Description, string Sql, string? Dimension = null, string? Unit = null);

/// <summary>
/// Reads every registered <see cref="DatabaseGauge"/> on an interval and serves the last figures to the
/// metric exporters, so a scrape never waits on the database and the database is asked once per interval
/// whoever scrapes.
/// </summary>
public sealed class DatabaseGauges : ResilientLoop
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<DatabaseGauge> _gauges;
    private readonly TimeSpan _interval;
    private readonly Meter _meter = Telemetry.CreateMeter("Business");
    private volatile IReadOnlyDictionary<string, Measurement<double>[]> _latest = new Dictionary<string, Measurement<double>[]>();

    public DatabaseGauges(NpgsqlDataSource dataSource, IEnumerable<DatabaseGauge> gauges, TimeSpan interval, BackgroundLoops loops)
        : base(loops)
    {
        _dataSource = dataSource;
        _gauges = [.. gauges];
        _interval = interval;
        foreach (var gauge in _gauges)
        {
            _meter.CreateObservableGauge(gauge.Name, () => _latest.GetValueOrDefault(gauge.Name) ?? [], gauge.Unit, gauge.Description);
        }
    }

    /// <summary>Reads every gauge once; the background loop calls it on the interval, tests may call it directly.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, Measurement<double>[]>();
        foreach (var gauge in _gauges)
        {
            await using var command = _dataSource.CreateCommand(gauge.Sql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var measurements = new List<Measurement<double>>();
            while (await reader.ReadAsync(cancellationToken))
            {
                measurements.Add(gauge.Dimension is null
                    ? new Measurement<double>(Convert.ToDouble(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture))
                    : new Measurement<double>(Convert.ToDouble(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                        new KeyValuePair<string, object?>(gauge.Dimension, reader.GetValue(0).ToString())));
            }
            latest[gauge.Name] = [.. measurements];
        }
        _latest = latest;
    }

    /// <summary>
    /// A figure that cannot be read (a numeric that does not fit a decimal, say) fails the pass: the figures
    /// stay at their last values and readiness names the loop until a read succeeds again.
    /// </summary>
    protected override async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        await RefreshAsync(stoppingToken);
        return false;
    }

    protected override Task WaitAsync(CancellationToken stoppingToken) => Task.Delay(_interval, stoppingToken);

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }
}

public static class DatabaseGaugeExtensions
{
    /// <summary>
    /// Publishes business figures read from the service's database as metrics (OTLP and /metrics), refreshed
    /// every <c>Metrics:GaugeInterval</c> (default 15 s).
    /// </summary>
    public static IHostApplicationBuilder AddDatabaseGauges(this IHostApplicationBuilder builder, params DatabaseGauge[] gauges)
    {
        // Gauges accumulate (a second call adds to the first); one loop reads them all.
        foreach (var gauge in gauges)
        {
            builder.Services.AddSingleton(gauge);
        }
        if (builder.Services.Any(d => d.ServiceType == typeof(DatabaseGauges)))
        {
            return builder;
        }
        builder.AddBackgroundLoops();
        var interval = builder.Configuration.GetValue("Metrics:GaugeInterval", TimeSpan.FromSeconds(15));
        builder.Services.AddSingleton(sp => new DatabaseGauges(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetServices<DatabaseGauge>(), interval, sp.GetRequiredService<BackgroundLoops>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseGauges>());
        return builder;
    }
}
