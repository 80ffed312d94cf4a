using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Programmes.LoadGenerator.Recording;
using Programmes.LoadGenerator.Targets;
using Programmes.ReferenceData;

namespace Programmes.LoadGenerator.Checking;

/// <summary>
/// Issue 16's check after the payments load: funding's restarts, the 5xx answers, amounts finer than their currency,
/// allocations against the sums they make up, and the gap gauge against the same SQL.
/// </summary>
public sealed class MoneyChecks(string fundingDb, Uri fundingMetrics)
{
    private static readonly string MinorUnits = string.Join(" ", Reference.Currencies.Values.Where(c => c.MinorUnits != 2)
        .Select(c => string.Create(CultureInfo.InvariantCulture, $"WHEN '{c.Code}' THEN {c.MinorUnits}")));

    private static string Finer(string column, string decimals) => $"{column} <> round({column}, {decimals})";

    private static readonly string FinerThanCurrency = $"""
        SELECT (SELECT count(*) FROM pledges WHERE {Finer("amount", Units("currency"))} OR {Finer("amount_usd", "2")})
             + (SELECT count(*) FROM payments WHERE {Finer("amount", Units("currency"))} OR {Finer("amount_usd", "2")} OR {Finer("allocated_usd", "2")})
             + (SELECT count(*) FROM in_kind_contributions WHERE {Finer("estimated_value", Units("currency"))} OR {Finer("estimated_value_usd", "2")})
             + (SELECT count(*) FROM allocations WHERE {Finer("amount_usd", "2")} OR {Finer("support_cost_usd", "2")} OR {Finer("released_usd", "2")})
             + (SELECT count(*) FROM programmes WHERE {Finer("budget_usd", "2")} OR {Finer("allocated_usd", "2")} OR {Finer("support_cost_usd", "2")})
        """;

    private const string PartsMismatch = """
        SELECT (SELECT count(*) FROM payments p LEFT JOIN (SELECT payment_id, sum(amount_usd + support_cost_usd) AS drawn FROM allocations GROUP BY payment_id) a
                ON a.payment_id = p.id WHERE p.allocated_usd <> coalesce(a.drawn, 0) OR p.allocated_usd > coalesce(p.amount_usd, 0))
             + (SELECT count(*) FROM programmes g LEFT JOIN (SELECT programme_id, sum(amount_usd) AS direct, sum(support_cost_usd) AS support FROM allocations GROUP BY programme_id) a
                ON a.programme_id = g.programme_id
                WHERE g.allocated_usd <> coalesce(a.direct, 0) OR g.support_cost_usd <> coalesce(a.support, 0) OR g.allocated_usd > g.budget_usd)
        """;

    /// <summary>FundingService's gauge SQL, word for word.</summary>
    private const string GapSql = "SELECT coalesce(sum(budget_usd - allocated_usd), 0) FROM programmes WHERE budget_usd > allocated_usd";

    private static string Units(string column) => $"CASE {column} {MinorUnits} ELSE 2 END";

    public static async Task<int?> RestartCountAsync()
    {
        var name = (await Command.RunAsync("docker", "ps", "-a", "--filter", "label=com.docker.compose.project=programmes", "--filter", "label=com.docker.compose.service=funding", "--format", "{{.Names}}"))?.Split('\n')[0].Trim();
        var count = string.IsNullOrEmpty(name) ? null : (await Command.RunAsync("docker", "inspect", "-f", "{{.RestartCount}}", name))?.Trim();
        return int.TryParse(count, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    public async Task ReportAsync(Recorder recorder, bool compose, int? restartsBefore, CancellationToken cancellationToken)
    {
        var restarts = compose ? await RestartCountAsync() : null;
        Console.WriteLine($"funding's restart count: {restarts?.ToString(CultureInfo.InvariantCulture) ?? (compose ? "n/a (docker not reachable)" : "n/a (in-process: funding runs in this process)")}" +
            (restartsBefore is { } before && restarts is { } after ? $" ({after - before} during this run)" : ""));
        var fivexx = recorder.Operations.Values.Sum(o => o.Outcomes.Where(x => x.Key.StartsWith('5')).Sum(x => x.Value));
        Console.WriteLine($"5xx answers: {fivexx}");

        await using var dataSource = NpgsqlDataSource.Create(fundingDb);
        var finer = await ScalarAsync<long>(dataSource, FinerThanCurrency, cancellationToken);
        Console.WriteLine($"amounts with more decimals than their currency: {finer}");
        var mismatches = await ScalarAsync<long>(dataSource, PartsMismatch, cancellationToken);
        Console.WriteLine(mismatches == 0 ? "allocations = sum of parts" : $"allocations != sum of parts: {mismatches} payments or programmes disagree");

        // The gauge is read on an interval: wait (bounded) until it has caught up with the database.
        var deadline = Stopwatch.StartNew();
        decimal sql, gauge;
        do
        {
            sql = await ScalarAsync<decimal>(dataSource, GapSql, cancellationToken);
            gauge = await GaugeAsync(cancellationToken) ?? decimal.MinValue;
            if (Math.Abs(sql - gauge) < 0.005m)
            {
                break;
            }
            await Task.Delay(1_000, cancellationToken);
        }
        while (deadline.Elapsed < TimeSpan.FromSeconds(90));
        Console.WriteLine(Math.Abs(sql - gauge) < 0.005m
            ? $"gap gauge = SQL gap ({sql:N2} USD)"
            : $"gap gauge != SQL gap: gauge {(gauge == decimal.MinValue ? "unreadable" : gauge.ToString("N2", CultureInfo.InvariantCulture))}, SQL {sql:N2} USD");
    }

    private async Task<decimal?> GaugeAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var text = await http.GetStringAsync(new Uri(fundingMetrics, "/metrics"), cancellationToken);
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("programmes_funding_gap", StringComparison.Ordinal));
            return line is null ? null : (decimal)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(cancellationToken))!, typeof(T), CultureInfo.InvariantCulture);
    }
}
