using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Testing;

namespace Programmes.PartnerCoordination.Tests;

/// <summary>Reading rounds and answering them through the gateway.</summary>
public static class RoundsApi
{
    public static async Task<JsonElement> RoundOfAsync(this CoordinationSystem system, Guid programmeId)
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        return await Eventually.GetAsync(async () =>
            (await staff.GetItemsAsync($"/api/coordination/rounds?programmeId={programmeId}"))!.SingleOrDefault() is { ValueKind: JsonValueKind.Object } r ? (JsonElement?)r : null,
            what: "the clearance round of the programme");
    }

    public static async Task<JsonElement> RoundAsync(this CoordinationSystem system, Guid roundId)
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        return (await staff.GetFromJsonAsync<JsonElement>($"/api/coordination/rounds/{roundId}"))!;
    }

    public static Task<HttpResponseMessage> AnswerAsync(this HttpClient partner, Guid roundId, string answer, string? comment = null, Guid? overlappingActivityId = null) =>
        partner.PostAsJsonAsync($"/api/coordination/rounds/{roundId}/answers", new { answer, comment, overlappingActivityId });

    public static string[] Addressees(this JsonElement round) =>
        round.GetProperty("addressees").EnumerateArray().Select(a => a.GetProperty("partnerCode").GetString()!).ToArray();

    public static Task<HttpResponseMessage> DeclareAsync(this HttpClient partner, string state, string area, string start, string end, string title = "Border security course") =>
        partner.PostAsJsonAsync("/api/coordination/activities", new { stateCode = state, thematicArea = area, modality = "TRAINING-COURSE", title, startDate = start, endDate = end });
}
