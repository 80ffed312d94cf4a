using System.Text.Json;
using Npgsql;
using Programmes.Testing;
using Xunit;

namespace Programmes.EndToEnd.Tests.Lifecycles;

/// <summary>
/// What happened to a programme, as the services published it (their outboxes), and what the State's
/// timeline must therefore show.
/// </summary>
public static class ProgrammeHistory
{
    /// <summary>An event published about the programme; events of one step share their time.</summary>
    public sealed record Published(string Service, string Type, JsonElement Body, DateTimeOffset CreatedAt);

    public static async Task<List<Published>> EventsAsync(TestSystem system, Guid programmeId)
    {
        var events = new List<Published>();
        foreach (var service in new[] { "planning", "coordination", "funding" })
        {
            await using var connection = new NpgsqlConnection(system.ConnectionStrings[service]);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT message_type, body::text, created_at FROM outbox_messages WHERE aggregate_id = @id ORDER BY sequence", connection);
            command.Parameters.AddWithValue("id", programmeId.ToString());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var type = reader.GetString(0);
                type = type[(type.LastIndexOf('.', type.IndexOf(',')) + 1)..type.IndexOf(',')];
                events.Add(new(service, type, JsonDocument.Parse(reader.GetString(1)).RootElement.Clone(), reader.GetFieldValue<DateTimeOffset>(2)));
            }
        }
        return events;
    }

    /// <summary>The timeline entry intake writes for an event, or null when the event is not for the State's timeline.</summary>
    public static string? TimelineKind(Published e) => e.Type switch
    {
        "ProgrammeProposed" or "ProgrammeApproved" or "ActivityDelivered" or "ProgrammeCleared" or "ProgrammeFullyFunded" => e.Type,
        "ProgrammeStatusChanged" => "Programme" + e.Body.GetProperty("status").GetString(),
        _ => null,
    };

    /// <summary>
    /// The status a reader of planning's events alone would believe. Events written by one step share their
    /// time and have no order among themselves; some order of each step's events must make a valid path.
    /// </summary>
    public static string Replay(IEnumerable<Published> events)
    {
        var status = "Draft";
        foreach (var step in events.Where(e => e.Service == "planning").GroupBy(e => e.CreatedAt))
        {
            var next = Permutations(step.ToList()).Select(order => Apply(status, order)).FirstOrDefault(s => s is not null);
            Assert.True(next is not null, $"no order of [{string.Join(", ", step.Select(e => e.Type))}] follows from {status}");
            status = next;
        }
        return status;
    }

    private static string? Apply(string status, IEnumerable<Published> events)
    {
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case "ProgrammeProposed" when status == "Draft":
                    status = "Proposed";
                    break;
                case "ProgrammeProposed" when status != "Proposed":
                    return null;
                case "ProgrammeApproved" when status != "Proposed":
                    return null;
                case "ProgrammeApproved":
                    status = "Approved";
                    break;
                case "ProgrammeStatusChanged" when e.Body.GetProperty("previousStatus").GetString() != status:
                    return null;
                case "ProgrammeStatusChanged":
                    status = e.Body.GetProperty("status").GetString()!;
                    break;
            }
        }
        return status;
    }

    private static IEnumerable<List<T>> Permutations<T>(List<T> items) =>
        items.Count <= 1 ? [items] : items.SelectMany((item, i) =>
            Permutations(items.Where((_, j) => j != i).ToList()).Select(rest => new List<T> { item }.Concat(rest).ToList()));
}
