using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Gateway.Clients;
using Programmes.Testing;

namespace Programmes.BadInput.Tests.Routes;

/// <summary>Programmes at each step of their lifecycle, for the routes of planning.</summary>
public sealed partial class Seeder
{
    public static string Activity(string state = "KEN") => $$"""
        {
          "title": "National workshop on the universal instruments",
          "modality": "NATIONAL-WORKSHOP",
          "thematicArea": "RATIFICATION",
          "plannedStart": "2026-03-02",
          "plannedEnd": "2026-03-04",
          "place": { "stateCode": "{{state}}", "city": "Nairobi", "online": false },
          "plannedParticipants": { "women": 12, "men": 15, "other": 1 },
          "targetInstitutions": ["PROSECUTION", "JUDICIARY"],
          "budget": { "experts": 10000, "travel": 5000, "venue": 2500, "translation": 0, "other": 500 }
        }
        """;

    public static string Programme(Guid requestId) => $$"""
        {
          "title": "Kenya: becoming party to the remaining instruments",
          "objectives": "Ratify the 1997 Bombings Convention and incorporate it into national law.",
          "scope": "National",
          "stateCodes": ["KEN"],
          "thematicAreas": ["RATIFICATION", "LEGISLATIVE-INCORPORATION"],
          "instruments": ["TERRORIST-BOMBINGS-1997"],
          "requestIds": ["{{requestId}}"],
          "activities": [{{Activity()}}]
        }
        """;

    /// <summary>A draft programme with one activity and its markers set: (programme id, activity id).</summary>
    public async Task<(Guid Programme, Guid Activity)> DraftProgrammeAsync()
    {
        var staff = await As(TestClients.Staff);
        var content = new StringContent(Programme(await AcceptedRequestAsync()), System.Text.Encoding.UTF8, "application/json");
        var created = await staff.PostAsync("/api/planning/programmes", content).ShouldBeJson(HttpStatusCode.Created);
        var id = Id(created);
        await staff.PutAsJsonAsync($"/api/planning/programmes/{id}/markers", new { genderMarker = 2, childrenConcerned = false }).ShouldBe(HttpStatusCode.OK);
        return (id, created.GetProperty("activities")[0].GetProperty("id").GetGuid());
    }

    public async Task<(Guid Programme, Guid Activity)> ProposedProgrammeAsync()
    {
        var (id, activity) = await DraftProgrammeAsync();
        await (await As(TestClients.Staff)).PostAsync($"/api/planning/programmes/{id}/proposal", null).ShouldBe(HttpStatusCode.OK);
        return (id, activity);
    }

    public async Task<Guid> ProgrammeWithOpenConcernsAsync()
    {
        var (id, _) = await ProposedProgrammeAsync();
        await PublishAsync(new ProgrammeClearanceRaisedConcerns(id, Guid.NewGuid(), [new ClearanceConcern("CTED", "FlagOverlap", "Overlaps our course.", null)], DateTimeOffset.UtcNow));
        await ProgrammeWhenAsync(id, p => p.GetProperty("approval").GetProperty("concernsOpen").GetBoolean(), "open concerns");
        return id;
    }

    /// <summary>Proposed, reviewed, cleared and funded: approved.</summary>
    public async Task<(Guid Programme, Guid Activity)> ApprovedProgrammeAsync()
    {
        var (id, activity) = await ProposedProgrammeAsync();
        var staff = await As(TestClients.Staff);
        await staff.PutAsJsonAsync($"/api/planning/programmes/{id}/compliance-review", new { outcome = "Cleared", reviewer = "Human-rights adviser" }).ShouldBe(HttpStatusCode.OK);
        await PublishAsync(new ProgrammeCleared(id, Guid.NewGuid(), ["CTED"], [], DateTimeOffset.UtcNow));
        var budget = (await ProgrammeWhenAsync(id, p => p.GetProperty("approval").GetProperty("partnerClearance").GetBoolean(), "clearance"))
            .GetProperty("budgetUsd").GetDecimal();
        await PublishAsync(new ProgrammeFullyFunded(id, budget, budget, DateTimeOffset.UtcNow));
        await ProgrammeWhenAsync(id, p => p.GetProperty("status").GetString() == "Approved", "approval");
        return (id, activity);
    }

    public async Task<(Guid Programme, Guid Activity)> ProgrammeInDeliveryAsync()
    {
        var (id, activity) = await ApprovedProgrammeAsync();
        await (await As(TestClients.Staff)).PostAsJsonAsync($"/api/planning/programmes/{id}/status-changes", new { action = "StartDelivery" }).ShouldBe(HttpStatusCode.OK);
        return (id, activity);
    }

    private async Task<JsonElement> ProgrammeWhenAsync(Guid id, Func<JsonElement, bool> condition, string what)
    {
        var staff = await As(TestClients.Staff);
        return await Eventually.GetAsync<object>(async () =>
        {
            var programme = await staff.GetFromJsonAsync<JsonElement>($"/api/planning/programmes/{id}");
            return condition(programme) ? programme : null;
        }, what: what) is JsonElement found ? found : default;
    }

    // Coordination
}
