using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Programmes.Contracts;
using Programmes.Testing;

namespace Programmes.ProgrammePlanning.Tests;

/// <summary>Planning alone behind the gateway; other services' facts are published on the bus by the tests.</summary>
public sealed class PlanningSystem() : TestSystem(Services.Planning)
{
    public Task PublishAsync<T>(T message) where T : class =>
        ServiceApps[Services.Planning].Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>Publishes messages with known ids, for <see cref="ConsumedAsync"/>.</summary>
    public async Task<Guid[]> PublishTrackedAsync<T>(IEnumerable<T> messages) where T : class
    {
        var ids = new List<Guid>();
        foreach (var message in messages)
        {
            var id = Guid.NewGuid();
            await ServiceApps[Services.Planning].Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = id);
            ids.Add(id);
        }
        return [.. ids];
    }

    /// <summary>Returns once planning's inbox shows every one of the messages handled.</summary>
    public Task ConsumedAsync(Guid[] messageIds) => Eventually.TrueAsync(async () =>
    {
        await using var connection = new NpgsqlConnection(ConnectionStrings["planning"]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(DISTINCT message_id) FROM inbox_messages WHERE message_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", messageIds);
        return (long)(await command.ExecuteScalarAsync())! == messageIds.Length;
    }, what: "the messages handled by planning");

    /// <summary>A request intake submitted and accepted, as planning hears of it; returns once planning knows it is accepted.</summary>
    public async Task<Guid> AcceptedRequestAsync(HttpClient staff, string state, params string[] areas)
    {
        var requestId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        string[] thematicAreas = areas.Length > 0 ? areas : ["RATIFICATION"];
        await PublishAsync(new AssistanceRequestSubmitted(requestId, state, "Ministry of Justice", thematicAreas, ["TERRORIST-BOMBINGS-1997"], [], null, null, RequestOrigin.MemberState, now));
        await PublishAsync(new AssistanceRequestAccepted(requestId, state, thematicAreas, ["TERRORIST-BOMBINGS-1997"], now));
        await Eventually.TrueAsync(async () =>
        {
            var items = await staff.GetItemsAsync($"/api/planning/intake-items?requestId={requestId}");
            return items is [var item] && item.GetProperty("acceptedAt").ValueKind == JsonValueKind.String;
        }, what: "the accepted request in planning");
        return requestId;
    }

    /// <summary>The events planning recorded for a programme, oldest first: (type name, body).</summary>
    public async Task<List<(string Type, JsonElement Body)>> EventsOfAsync(Guid programmeId)
    {
        await using var connection = new NpgsqlConnection(ConnectionStrings["planning"]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT message_type, body::text FROM outbox_messages WHERE aggregate_id = @id ORDER BY sequence", connection);
        command.Parameters.AddWithValue("id", programmeId.ToString());
        var events = new List<(string, JsonElement)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var type = reader.GetString(0);
            events.Add((type[(type.LastIndexOf('.', type.IndexOf(',')) + 1)..type.IndexOf(',')], JsonDocument.Parse(reader.GetString(1)).RootElement.Clone()));
        }
        return events;
    }

    public static async Task<JsonElement> GetProgrammeAsync(HttpClient client, Guid id) =>
        await client.GetAsync($"/api/planning/programmes/{id}").ShouldBeJson(HttpStatusCode.OK);

    /// <summary>Polls the programme until <paramref name="condition"/> holds.</summary>
    public static async Task<JsonElement> ProgrammeWhenAsync(HttpClient client, Guid id, Func<JsonElement, bool> condition, string what) =>
        await Eventually.GetAsync<object>(async () =>
        {
            var programme = await GetProgrammeAsync(client, id);
            return condition(programme) ? programme : null;
        }, what: what) is JsonElement found ? found : default;

    /// <summary>Applies one approval fact (review, clearance, funding) and waits until planning has recorded it.</summary>
    public async Task ApplyFactAsync(HttpClient staff, Guid id, string fact, decimal budget)
    {
        switch (fact)
        {
            case "review":
                await staff.PutAsJsonAsync($"/api/planning/programmes/{id}/compliance-review", new { outcome = "Cleared", reviewer = "Human-rights adviser" })
                    .ShouldBe(HttpStatusCode.OK);
                return;
            case "clearance":
                await PublishAsync(new ProgrammeCleared(id, Guid.NewGuid(), ["CTED"], [], DateTimeOffset.UtcNow));
                await ProgrammeWhenAsync(staff, id, p => p.GetProperty("approval").GetProperty("partnerClearance").GetBoolean(), "clearance");
                return;
            default:
                await PublishAsync(new ProgrammeFullyFunded(id, budget, budget, DateTimeOffset.UtcNow));
                await ProgrammeWhenAsync(staff, id, p => p.GetProperty("approval").GetProperty("fullyFunded").GetBoolean(), "funding");
                return;
        }
    }

    /// <summary>A programme drafted, proposed, cleared, funded and reviewed: approved.</summary>
    public async Task<Guid> ApprovedProgrammeAsync(HttpClient staff, string state = "KEN")
    {
        var requestId = await AcceptedRequestAsync(staff, state);
        var id = await ProgrammeBuilder.DraftAsync(staff, requestId, state);
        var budget = (await ProgrammeBuilder.ProposeAsync(staff, id)).GetProperty("budgetUsd").GetDecimal();
        await ApplyFactAsync(staff, id, "review", budget);
        await ApplyFactAsync(staff, id, "clearance", budget);
        await ApplyFactAsync(staff, id, "funding", budget);
        await ProgrammeWhenAsync(staff, id, p => p.GetProperty("status").GetString() == "Approved", "approval");
        return id;
    }
}
