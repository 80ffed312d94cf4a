using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.EndToEnd.Tests;

/// <summary>
/// One consent rule for CTED referrals, whichever route creates them: through coordination (shared with intake
/// only with consent) or straight to intake. Without the State's consent the State never sees the referral.
/// </summary>
public sealed class ReferralConsentTests(TestSystem system) : IClassFixture<TestSystem>
{
    private static object Referral(string reference, bool? consented) => new
    {
        stateCode = "NER",
        thematicAreas = new[] { "FOREIGN-TERRORIST-FIGHTERS" },
        recommendation = "Establish a national prosecution strategy for returnees.",
        assessmentReference = reference,
        assessmentDate = "2026-02-01",
        stateConsented = consented,
    };

    [Fact]
    public async Task Without_consent_the_State_sees_the_referral_on_neither_route_and_with_consent_on_both()
    {
        var (cted, niger, staff) = (await system.ClientAsync(TestClients.Cted), await system.ClientAsync(TestClients.StateNiger),
            await system.ClientAsync(TestClients.Staff));
        var run = Guid.NewGuid().ToString("N")[..8];

        var viaCoordinationHeld = (await cted.PostAsJsonAsync("/api/coordination/referrals", Referral($"C-{run}-no", false))
            .ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var viaCoordinationShared = (await cted.PostAsJsonAsync("/api/coordination/referrals", Referral($"C-{run}-yes", true))
            .ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var viaIntakeHeld = (await cted.PostAsJsonAsync("/api/intake/referrals", Referral($"I-{run}-no", false))
            .ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var viaIntakeShared = (await cted.PostAsJsonAsync("/api/intake/referrals", Referral($"I-{run}-yes", true))
            .ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // The consented coordination referral reaches the State through the broker; by then the other one would have, had it been sent.
        var shared = await Eventually.GetAsync(async () => (await ReferencesAsync(niger)).TryGetValue($"C-{run}-yes", out var r) ? r : (JsonElement?)null,
            what: "the consented referral in the State's list");
        Assert.Equal(viaCoordinationShared, shared.GetProperty("referralId").GetGuid());
        await niger.GetAsync($"/api/intake/requests/{shared.GetProperty("id").GetGuid()}").ShouldBe(HttpStatusCode.OK);
        await niger.GetAsync($"/api/intake/requests/{viaIntakeShared}").ShouldBe(HttpStatusCode.OK);

        var seenByState = await ReferencesAsync(niger);
        Assert.DoesNotContain($"C-{run}-no", seenByState.Keys);
        Assert.DoesNotContain($"I-{run}-no", seenByState.Keys);
        await niger.GetAsync($"/api/intake/requests/{viaIntakeHeld}").ShouldBe(HttpStatusCode.NotFound);
        // Staff-only everywhere: coordination keeps its held referral unshared, intake shows its held one to staff alone.
        var held = await staff.GetFromJsonAsync<JsonElement>($"/api/coordination/referrals/{viaCoordinationHeld}");
        Assert.Equal(JsonValueKind.Null, held.GetProperty("sharedAt").ValueKind);
        Assert.DoesNotContain($"C-{run}-no", (await ReferencesAsync(staff)).Keys);
        Assert.False((await staff.GetFromJsonAsync<JsonElement>($"/api/intake/requests/{viaIntakeHeld}")).GetProperty("stateConsented").GetBoolean());

        foreach (var route in new[] { "/api/coordination/referrals", "/api/intake/referrals" })
        {
            var problem = await cted.PostAsJsonAsync(route, Referral($"X-{run}", null)).ShouldBeJson(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("stateConsented", out _), route);
        }
    }

    /// <summary>The referrals in the caller's view of intake, by assessment reference.</summary>
    private static async Task<Dictionary<string, JsonElement>> ReferencesAsync(HttpClient http)
    {
        var page = await http.GetFromJsonAsync<JsonElement>("/api/intake/requests?stateCode=NER&pageSize=100");
        return page.GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("assessmentReference").ValueKind == JsonValueKind.String)
            .ToDictionary(r => r.GetProperty("assessmentReference").GetString()!, r => r);
    }
}
