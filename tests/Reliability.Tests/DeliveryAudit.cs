using System.Diagnostics;
using Npgsql;
using Programmes.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Programmes.Reliability.Tests;

/// <summary>
/// Counts, in the services' own databases, what became of a load: every accepted submission must be one
/// intake request and one planning intake item, and neither service may keep unsent outbox rows.
/// </summary>
public sealed record DeliveryAudit(int Requests, int IntakeItems, int Lost, int Doubled, int Unacknowledged, long UnsentIntake, long UnsentPlanning, TimeSpan Drain)
{
    /// <summary>Waits (up to <paramref name="timeout"/>) until planning holds every accepted request and both outboxes are empty, then counts.</summary>
    public static async Task<DeliveryAudit> AfterDrainAsync(TestSystem system, SubmissionLoad load, TimeSpan timeout)
    {
        var intake = system.ConnectionStrings["intake"];
        var planning = system.ConnectionStrings["planning"];
        var accepted = load.AcceptedRequests.Values.ToHashSet();
        var drain = Stopwatch.StartNew();
        try
        {
            await Eventually.TrueAsync(async () =>
                (await RequestIdsAsync(planning, "SELECT request_id FROM planning_intake_items")).IsSupersetOf(accepted)
                && await UnsentAsync(intake) == 0 && await UnsentAsync(planning) == 0,
                timeout, "planning to hold every accepted request and both outboxes to be empty");
        }
        catch (TimeoutException)
        {
            // Count anyway: the figures say what is missing.
        }
        drain.Stop();

        var requests = await RequestIdsAsync(intake, $"SELECT id FROM assistance_requests WHERE needs LIKE '%{load.Marker}%'");
        var items = await RequestIdsAsync(planning, "SELECT request_id FROM planning_intake_items");
        var itemRows = await ScalarAsync(planning, "SELECT count(*) FROM planning_intake_items");
        // One submission (one Idempotency-Key, written into "needs") that became two requests is doubled;
        // so is a request with two planning items.
        var doubledAtIntake = await ScalarAsync(intake,
            $"SELECT count(*) - count(DISTINCT needs) FROM assistance_requests WHERE needs LIKE '%{load.Marker}%'");
        var lost = accepted.Count(id => !requests.Contains(id) || !items.Contains(id));
        return new DeliveryAudit(
            requests.Count,
            items.Count,
            lost,
            (int)(doubledAtIntake + itemRows - items.Count),
            requests.Count(id => !accepted.Contains(id)),
            await UnsentAsync(intake),
            await UnsentAsync(planning),
            drain.Elapsed);
    }

    public void AssertNothingLostOrDoubled(SubmissionLoad load)
    {
        Assert.Equal(load.Submitted, load.Accepted);
        Assert.Equal(0, Lost);
        Assert.Equal(0, Doubled);
        Assert.Equal(0, Unacknowledged);
        Assert.Equal(load.Accepted, Requests);
        Assert.Equal(0L, UnsentIntake);
        Assert.Equal(0L, UnsentPlanning);
    }

    public void Print(ITestOutputHelper output, string fault, SubmissionLoad load, TestSystem system)
    {
        output.WriteLine($"{fault}: {load}");
        output.WriteLine($"{fault}: intake requests {Requests}, planning intake items {IntakeItems}, lost {Lost}, doubled {Doubled}, " +
            $"unacknowledged {Unacknowledged}, unsent outbox rows intake {UnsentIntake} / planning {UnsentPlanning}, " +
            $"time to drain after the load {Drain.TotalSeconds:F1} s");
        foreach (var error in load.ServerErrors)
        {
            output.WriteLine($"{fault}: failure body: {error}");
            foreach (var exception in ExceptionsOf(system, error))
            {
                output.WriteLine($"{fault}:   recorded exception: {exception}");
            }
        }
    }

    /// <summary>What the components recorded on the failed request's trace (its id is in the problem body).</summary>
    private static IEnumerable<string> ExceptionsOf(TestSystem system, string problem)
    {
        var start = problem.IndexOf("\"traceId\":\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }
        var traceId = problem.Substring(start + 11, 32);
        // The exporter may still be appending: a copy is enough to read.
        Activity?[] spans = [.. system.Spans];
        return spans.OfType<Activity>().Where(s => s.TraceId.ToHexString() == traceId)
            .SelectMany(s => s.Events.Where(e => e.Name == "exception").Select(e =>
                $"{s.DisplayName}: {e.Tags.FirstOrDefault(t => t.Key == "exception.type").Value} {e.Tags.FirstOrDefault(t => t.Key == "exception.message").Value}"))
            .Distinct();
    }

    private static async Task<HashSet<Guid>> RequestIdsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    private static Task<long> UnsentAsync(string connectionString) =>
        ScalarAsync(connectionString, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
