using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Testing;

namespace Programmes.ProgrammePlanning.Tests;

/// <summary>Drafts programmes through the API the way staff do.</summary>
public static class ProgrammeBuilder
{
    public static object Activity(string state, string area = "RATIFICATION", decimal experts = 10_000m, decimal travel = 5_000m, string modality = "NATIONAL-WORKSHOP") => new
    {
        title = "National workshop on the universal instruments",
        modality,
        thematicArea = area,
        plannedStart = "2026-03-02",
        plannedEnd = "2026-03-04",
        place = new { stateCode = state, city = "Nairobi", online = false },
        plannedParticipants = new { women = 12, men = 15, other = 1 },
        targetInstitutions = new[] { "PROSECUTION", "JUDICIARY" },
        budget = new { experts, travel, venue = 2_500m, translation = 0m, other = 500m },
    };

    /// <summary>Drafts a national programme for <paramref name="requestId"/> with one activity, sets its markers; returns its id.</summary>
    public static async Task<Guid> DraftAsync(HttpClient staff, Guid requestId, string state = "KEN", bool markers = true)
    {
        var created = await staff.PostAsJsonAsync("/api/planning/programmes", new
        {
            title = "Kenya: becoming party to the remaining instruments",
            objectives = "Ratify the 1997 Bombings Convention and incorporate it into national law.",
            scope = "National",
            stateCodes = new[] { state },
            thematicAreas = new[] { "RATIFICATION", "LEGISLATIVE-INCORPORATION" },
            instruments = new[] { "TERRORIST-BOMBINGS-1997" },
            requestIds = new[] { requestId },
            activities = new[] { Activity(state) },
        }).ShouldBeJson(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        if (markers)
        {
            await staff.PutAsJsonAsync($"/api/planning/programmes/{id}/markers", new { genderMarker = 2, childrenConcerned = false })
                .ShouldBe(HttpStatusCode.OK);
        }
        return id;
    }

    public static async Task<JsonElement> ProposeAsync(HttpClient staff, Guid id) =>
        await staff.PostAsync($"/api/planning/programmes/{id}/proposal", null).ShouldBeJson(HttpStatusCode.OK);

    public static async Task<JsonElement> ReviewAsync(HttpClient staff, Guid id, string outcome = "Cleared", string? notes = null) =>
        await staff.PutAsJsonAsync($"/api/planning/programmes/{id}/compliance-review", new { outcome, reviewer = "OHCHR-trained reviewer", notes })
            .ShouldBeJson(HttpStatusCode.OK);

    public static async Task<JsonElement> ChangeStatusAsync(HttpClient staff, Guid id, string action, string? reason = null) =>
        await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/status-changes", new { action, reason }).ShouldBeJson(HttpStatusCode.OK);
}
