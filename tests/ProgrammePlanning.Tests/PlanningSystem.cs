using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;

namespace Programmes.ProgrammePlanning.Tests;

/// <summary>Planning alone behind the gateway; other services' facts are published on the bus by the tests.</summary>
public sealed class PlanningSystem() : TestSystem(Services.Planning)
{
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
