using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Programmes.LoadGenerator.Checking;

/// <summary>
/// Reads planning's intake table for the requests the load submitted: every submission must have exactly one
/// intake item. Its <c>received_at</c> minus the event's <c>submitted_at</c> is the end-to-end latency from
/// submission (intake's clock, inside the POST) to planning's intake (planning's consumer); both clocks are
/// the machine's.
/// </summary>
public sealed class IntakeConsistency(string? planningDb)
{
    private readonly ConcurrentBag<Guid> _submitted = [];

    public void Submitted(Guid requestId) => _submitted.Add(requestId);

    public int Count => _submitted.Count;

    /// <summary>The last check's figures: lost, doubled, and the submission-to-intake p50 and p99 in ms.</summary>
    public (int Lost, int Doubled, double P50, double P99)? Result { get; private set; }

    public async Task ReportAsync(TimeSpan settle, CancellationToken cancellationToken)
    {
        try
        {
            await CheckAsync(settle, cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            Console.WriteLine($"consistency: planning's database did not answer ({ex.Message}); not checked");
        }
    }

    private async Task CheckAsync(TimeSpan settle, CancellationToken cancellationToken)
    {
        var ids = _submitted.ToArray();
        if (planningDb is null || ids.Length == 0)
        {
            Console.WriteLine(planningDb is null ? "consistency: no --planning-db; not checked" : "consistency: nothing submitted");
            return;
        }
        await using var dataSource = NpgsqlDataSource.Create(planningDb);
        // Wait until every submission arrived, or nothing new arrived for the settle time.
        var (found, lastGrowth, waited) = (-1L, Stopwatch.StartNew(), Stopwatch.StartNew());
        while (true)
        {
            await using var count = dataSource.CreateCommand("SELECT count(*) FROM planning_intake_items WHERE request_id = ANY($1)");
            count.Parameters.Add(new NpgsqlParameter { Value = ids });
            var now = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            if (now != found)
            {
                (found, lastGrowth) = (now, Stopwatch.StartNew());
            }
            if (found >= ids.Length || lastGrowth.Elapsed > settle)
            {
                break;
            }
            await Task.Delay(250, cancellationToken);
        }

        await using var rows = dataSource.CreateCommand(
            """
            SELECT count(*) AS items, min(extract(epoch FROM received_at - submitted_at) * 1000) AS millis
            FROM planning_intake_items WHERE request_id = ANY($1) GROUP BY request_id
            """);
        rows.Parameters.Add(new NpgsqlParameter { Value = ids });
        var (present, doubled, latencies) = (0, 0, new List<double>(ids.Length));
        await using (var reader = await rows.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                present++;
                doubled += reader.GetInt64(0) > 1 ? 1 : 0;
                latencies.Add(reader.GetDouble(1));
            }
        }
        var lost = ids.Length - present;
        Console.WriteLine($"consistency: {ids.Length} submissions; every submission has exactly one planning intake item: " +
            $"{lost} lost, {doubled} doubled{(lost == 0 && doubled == 0 ? " (OK)" : " (MISMATCH)")}; waited {waited.Elapsed.TotalSeconds:F1} s after the load");
        latencies.Sort();
        if (latencies.Count > 0)
        {
            double P(double q) => latencies[Math.Clamp((int)Math.Ceiling(q * latencies.Count) - 1, 0, latencies.Count - 1)];
            Console.WriteLine($"submission -> planning intake (event timestamps): n={latencies.Count} p50={P(0.5):F1} p90={P(0.9):F1} p99={P(0.99):F1} max={P(1):F1} ms");
            Result = (lost, doubled, P(0.5), P(0.99));
        }
    }
}
