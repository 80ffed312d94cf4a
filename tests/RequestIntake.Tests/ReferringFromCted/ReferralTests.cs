using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.RequestIntake.Tests.ReferringFromCted;

[Collection(IntakeCollection.Name)]
public sealed class ReferralTests(IntakeSystem system)
{
    private static CtedReferralShared Shared(Guid referralId, string state = "KEN") => new(
        referralId, state, ["FOREIGN-TERRORIST-FIGHTERS"], ["NUCLEAR-TERRORISM-2005"], "Strengthen prosecution of returnees.",
        "CTED/ASSESS/2026/17", new DateOnly(2026, 3, 1), DateTimeOffset.UtcNow);

    private async Task<JsonElement> ReferralAsync(HttpClient client, Guid referralId) =>
        await Eventually.GetAsync(async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/intake/requests?status=AwaitingStateEndorsement&pageSize=100");
            return page.GetProperty("items").EnumerateArray()
                .Where(r => r.GetProperty("referralId").ValueKind != JsonValueKind.Null && r.GetProperty("referralId").GetGuid() == referralId)
                .Select(r => (JsonElement?)r).FirstOrDefault();
        }, what: "the referral as a request");

    [Fact]
    public async Task A_shared_referral_waits_for_the_State_which_endorses_it_into_screening()
    {
        var (kenya, niger, staff) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.StateNiger),
            await system.ClientAsync(TestClients.Staff));
        var referralId = Guid.NewGuid();

        await system.PublishAsync(Shared(referralId));
        var waiting = await ReferralAsync(kenya, referralId);
        var id = waiting.Id();

        Assert.Equal("CtedReferral", waiting.GetProperty("origin").GetString());
        Assert.Equal("Strengthen prosecution of returnees.", waiting.GetProperty("needs").GetString());
        await niger.GetAsync($"/api/intake/requests/{id}").ShouldBe(HttpStatusCode.NotFound);
        await niger.PostAsJsonAsync($"/api/intake/requests/{id}/endorse", new { requestingAuthority = "Not theirs" }).ShouldBe(HttpStatusCode.NotFound);
        await staff.PostAsJsonAsync($"/api/intake/requests/{id}/endorse", new { requestingAuthority = "Staff" }).ShouldBe(HttpStatusCode.Forbidden);
        // No assistance without the State's request: screening cannot start before the endorsement.
        await staff.PostAsync($"/api/intake/requests/{id}/accept", null).ShouldBeIllegalTransition("AwaitingStateEndorsement");
        await kenya.PostAsJsonAsync($"/api/intake/requests/{id}/endorse", new { contactEmail = "bad" })
            .ShouldBeJson(HttpStatusCode.BadRequest);

        var endorsed = await kenya.PostAsJsonAsync($"/api/intake/requests/{id}/endorse",
            new { requestingAuthority = "Office of the Director of Public Prosecutions", contactEmail = "odpp@example.org" }).ShouldBeJson(HttpStatusCode.OK);
        await kenya.PostAsJsonAsync($"/api/intake/requests/{id}/endorse", new { requestingAuthority = "Twice" }).ShouldBeIllegalTransition("Submitted");
        await kenya.PostAsJsonAsync($"/api/intake/requests/{id}/decline-referral", new { }).ShouldBeIllegalTransition("Submitted");
        await staff.PostAsync($"/api/intake/requests/{id}/accept", null).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("Submitted", endorsed.Status());
        Assert.Equal("Office of the Director of Public Prosecutions", endorsed.GetProperty("requestingAuthority").GetString());
        var events = await system.EventsOfAsync(id);
        Assert.Equal(["CtedReferralEndorsed", "AssistanceRequestSubmitted", "AssistanceRequestAccepted"], events.Select(e => e.Type).ToArray());
        Assert.Equal(referralId, events[0].Body.GetProperty("referralId").GetGuid());
        Assert.Equal("CtedReferral", events[1].Body.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task A_referral_delivered_twice_becomes_one_request()
    {
        var kenya = await system.ClientAsync(TestClients.StateKenya);
        var referralId = Guid.NewGuid();

        await system.PublishAsync(Shared(referralId));
        await system.PublishAsync(Shared(referralId));
        await ReferralAsync(kenya, referralId);
        var marker = Guid.NewGuid();
        await system.PublishAsync(Shared(marker));
        await ReferralAsync(kenya, marker);

        var page = await kenya.GetFromJsonAsync<JsonElement>("/api/intake/requests?status=AwaitingStateEndorsement&pageSize=100");
        Assert.Single(page.GetProperty("items").EnumerateArray(),
            r => r.GetProperty("referralId").ValueKind != JsonValueKind.Null && r.GetProperty("referralId").GetGuid() == referralId);
    }

    [Fact]
    public async Task CTED_refers_through_the_API_and_the_State_declines()
    {
        var (cted, niger, interpol) = (await system.ClientAsync(TestClients.Cted), await system.ClientAsync(TestClients.StateNiger),
            await system.ClientAsync(TestClients.Interpol));
        var body = new
        {
            stateCode = "NER",
            thematicAreas = new[] { "FOREIGN-TERRORIST-FIGHTERS" },
            instruments = new[] { "NUCLEAR-TERRORISM-2005" },
            recommendation = "Reintegration of returnees.",
            assessmentReference = "CTED/ASSESS/2026/22",
            assessmentDate = "2026-02-01",
            stateConsented = true,
        };

        await interpol.PostAsJsonAsync("/api/intake/referrals", body).ShouldBe(HttpStatusCode.Forbidden);
        await niger.PostAsJsonAsync("/api/intake/referrals", body).ShouldBe(HttpStatusCode.Forbidden);
        var response = await cted.PostAsJsonAsync("/api/intake/referrals", body).ShouldBe(HttpStatusCode.Created);
        var referral = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = referral.Id();
        Assert.Equal($"/api/intake/requests/{id}", response.Headers.Location!.ToString());
        Assert.Equal("AwaitingStateEndorsement", referral.Status());
        await cted.GetAsync($"/api/intake/requests/{id}").ShouldBe(HttpStatusCode.OK);
        await interpol.GetAsync($"/api/intake/requests/{id}").ShouldBe(HttpStatusCode.NotFound);

        var declined = await niger.PostAsJsonAsync($"/api/intake/requests/{id}/decline-referral", new { comment = "Covered bilaterally." })
            .ShouldBeJson(HttpStatusCode.OK);
        await niger.PostAsJsonAsync($"/api/intake/requests/{id}/endorse", new { requestingAuthority = "Ministry of Justice" })
            .ShouldBeIllegalTransition("DeclinedByState");
        await niger.PostAsJsonAsync($"/api/intake/requests/{id}/decline-referral", new { }).ShouldBeIllegalTransition("DeclinedByState");

        Assert.Equal("DeclinedByState", declined.Status());
        var events = await system.EventsOfAsync(id);
        Assert.Equal(["CtedReferralDeclinedByState"], events.Select(e => e.Type).ToArray());
    }

    [Fact]
    public async Task A_bad_referral_lists_every_bad_field()
    {
        var cted = await system.ClientAsync(TestClients.Cted);

        var problem = await cted.PostAsJsonAsync("/api/intake/referrals", new
        {
            stateCode = "ZZZ",
            thematicAreas = new[] { "NOPE" },
            instruments = new[] { "NOPE" },
            recommendation = "",
            assessmentReference = new string('r', 101),
            assessmentDate = IntakeApi.Today.AddDays(1).ToString("yyyy-MM-dd"),
        }).ShouldBeJson(HttpStatusCode.BadRequest);

        Assert.Equal(["assessmentDate", "assessmentReference", "instruments[0]", "recommendation", "stateCode", "stateConsented", "thematicAreas[0]"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_decline_of_a_referral_and_an_endorsement_are_validated()
    {
        var (cted, niger) = (await system.ClientAsync(TestClients.Cted), await system.ClientAsync(TestClients.StateNiger));
        var id = (await cted.PostAsJsonAsync("/api/intake/referrals", new
        {
            stateCode = "NER",
            thematicAreas = new[] { "CHILDREN" },
            recommendation = "Juvenile justice.",
            assessmentReference = "CTED/ASSESS/2026/23",
            assessmentDate = "2026-02-01",
            stateConsented = true,
        }).ShouldBeJson(HttpStatusCode.Created)).Id();

        var badDecline = await niger.PostAsJsonAsync($"/api/intake/requests/{id}/decline-referral", new { comment = new string('c', 2001) })
            .ShouldBeJson(HttpStatusCode.BadRequest);
        var badEndorse = await niger.PostAsJsonAsync($"/api/intake/requests/{id}/endorse",
            new { requestingAuthority = "", contactPerson = new string('p', 201), contactEmail = "x", contactPhone = "phone" }).ShouldBeJson(HttpStatusCode.BadRequest);

        Assert.Equal(["comment"], badDecline.ErrorFields());
        Assert.Equal(["contactEmail", "contactPerson", "contactPhone", "requestingAuthority"], badEndorse.ErrorFields());
    }

    [Fact]
    public async Task A_referral_CTED_posts_without_the_States_consent_is_for_staff_only()
    {
        var (cted, niger, staff) = (await system.ClientAsync(TestClients.Cted), await system.ClientAsync(TestClients.StateNiger),
            await system.ClientAsync(TestClients.Staff));
        var reference = $"CTED/ASSESS/2026/{Guid.NewGuid():N}";

        var created = await cted.PostAsJsonAsync("/api/intake/referrals", new
        {
            stateCode = "NER",
            thematicAreas = new[] { "CHILDREN" },
            recommendation = "Juvenile justice.",
            assessmentReference = reference,
            assessmentDate = "2026-02-01",
            stateConsented = false,
        }).ShouldBeJson(HttpStatusCode.Created);
        var id = created.Id();

        Assert.False(created.GetProperty("stateConsented").GetBoolean());
        // The State does not see it: not by id, not in any listing, and it cannot endorse or decline it.
        await niger.GetAsync($"/api/intake/requests/{id}").ShouldBe(HttpStatusCode.NotFound);
        foreach (var query in new[] { "", "?status=AwaitingStateEndorsement", "?stateCode=NER&pageSize=100" })
        {
            var page = await niger.GetFromJsonAsync<JsonElement>($"/api/intake/requests{query}");
            Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), r => r.Id() == id);
        }
        await niger.PostAsJsonAsync($"/api/intake/requests/{id}/endorse", new { requestingAuthority = "Ministry of Justice" }).ShouldBe(HttpStatusCode.NotFound);
        await niger.PostAsJsonAsync($"/api/intake/requests/{id}/decline-referral", new { }).ShouldBe(HttpStatusCode.NotFound);
        // Staff (and CTED, whose referral it is) do; nothing moves it on without the State.
        var held = await staff.GetAsync($"/api/intake/requests/{id}").ShouldBeJson(HttpStatusCode.OK);
        Assert.False(held.GetProperty("stateConsented").GetBoolean());
        Assert.Equal("AwaitingStateEndorsement", held.Status());
        await cted.GetAsync($"/api/intake/requests/{id}").ShouldBe(HttpStatusCode.OK);
        await staff.PostAsync($"/api/intake/requests/{id}/accept", null).ShouldBeIllegalTransition("AwaitingStateEndorsement");
        Assert.Empty(await system.EventsOfAsync(id));
    }

    [Fact]
    public async Task A_referral_that_does_not_say_whether_the_State_consented_is_refused()
    {
        var cted = await system.ClientAsync(TestClients.Cted);
        var problem = await cted.PostAsJsonAsync("/api/intake/referrals", new
        {
            stateCode = "NER",
            thematicAreas = new[] { "CHILDREN" },
            recommendation = "Juvenile justice.",
            assessmentReference = "CTED/ASSESS/2026/24",
            assessmentDate = "2026-02-01",
        }).ShouldBeJson(HttpStatusCode.BadRequest);

        Assert.Equal(["stateConsented"], problem.ErrorFields());
    }
}
