using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.PartnerCoordination.Tests.ReferringNeeds;

[Collection("coordination")]
public sealed class ReferringNeedsTests(CoordinationSystem system)
{
    private static object Referral(string reference, bool consented) => new
    {
        stateCode = "NER",
        thematicAreas = new[] { "FOREIGN-TERRORIST-FIGHTERS" },
        instruments = new[] { "NUCLEAR-TERRORISM-2005" },
        recommendation = "Establish a national prosecution strategy for returnees.",
        assessmentReference = reference,
        assessmentDate = "2026-10-15",
        stateConsented = consented,
    };

    [Fact]
    public async Task A_referral_with_consent_is_shared_with_intake()
    {
        var cted = await system.ClientAsync(TestClients.Cted);
        var created = await cted.PostAsJsonAsync("/api/coordination/referrals", Referral("CTED/NER/2026-1", true)).ShouldBeJson(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(JsonValueKind.String, created.GetProperty("sharedAt").ValueKind);

        var shared = (await system.OutboxAsync<CtedReferralShared>())
            .Single(e => e.GetProperty("referralId").GetGuid() == id);
        Assert.Equal("NER", shared.GetProperty("stateCode").GetString());
        Assert.Equal("CTED/NER/2026-1", shared.GetProperty("assessmentReference").GetString());
    }

    [Fact]
    public async Task A_referral_without_consent_is_kept_for_staff_only_and_not_shared()
    {
        var cted = await system.ClientAsync(TestClients.Cted);
        var created = await cted.PostAsJsonAsync("/api/coordination/referrals", Referral("CTED/NER/2026-2", false)).ShouldBeJson(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        Assert.DoesNotContain((await system.OutboxAsync<CtedReferralShared>()), b => b.GetRawText().Contains(id.ToString(), StringComparison.Ordinal));
        var staff = await system.ClientAsync(TestClients.Staff);
        var stored = await staff.GetAsync($"/api/coordination/referrals/{id}").ShouldBeJson(HttpStatusCode.OK);
        Assert.False(stored.GetProperty("stateConsented").GetBoolean());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("sharedAt").ValueKind);
        var interpol = await system.ClientAsync(TestClients.Interpol);
        await interpol.GetAsync("/api/coordination/referrals").ShouldBe(HttpStatusCode.Forbidden);
        await interpol.GetAsync($"/api/coordination/referrals/{id}").ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CTED_lists_and_reads_back_the_referrals_it_made()
    {
        var cted = await system.ClientAsync(TestClients.Cted);
        var created = await cted.PostAsJsonAsync("/api/coordination/referrals", Referral("CTED/NER/2026-3", false)).ShouldBeJson(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var read = await cted.GetAsync($"/api/coordination/referrals/{id}").ShouldBeJson(HttpStatusCode.OK);
        Assert.Equal("CTED/NER/2026-3", read.GetProperty("assessmentReference").GetString());
        var listed = await cted.GetAsync("/api/coordination/referrals?stateCode=NER").ShouldBeJson(HttpStatusCode.OK);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Only_CTED_refers_and_every_missing_field_is_named()
    {
        var interpol = await system.ClientAsync(TestClients.Interpol);
        await interpol.PostAsJsonAsync("/api/coordination/referrals", Referral("X", true)).ShouldBe(HttpStatusCode.Forbidden);

        var cted = await system.ClientAsync(TestClients.Cted);
        var problem = await cted.PostAsJsonAsync("/api/coordination/referrals", new { stateCode = "ZZZ" }).ShouldBeJson(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "stateCode", "thematicAreas", "recommendation", "assessmentReference", "assessmentDate", "stateConsented" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }
}
