using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.ProgrammePlanning.Tests.DeliveringActivity;

public sealed class DeliveryAndResultsTests(PlanningSystem system) : IClassFixture<PlanningSystem>
{
    [Fact]
    public async Task A_delivered_activity_is_published_with_its_participants()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var id = await system.ApprovedProgrammeAsync(staff);
        var activityId = (await PlanningSystem.GetProgrammeAsync(staff, id)).GetProperty("activities")[0].GetProperty("id").GetGuid();

        var early = await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/activities/{activityId}/delivery", Delivery())
            .ShouldBeJson(HttpStatusCode.Conflict);
        Assert.Equal("Approved", early.GetProperty("currentState").GetString());
        await ProgrammeBuilder.ChangeStatusAsync(staff, id, "StartDelivery");

        var delivered = await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/activities/{activityId}/delivery", Delivery())
            .ShouldBeJson(HttpStatusCode.OK);
        var delivery = delivered.GetProperty("activities")[0].GetProperty("delivery");
        Assert.Equal(14, delivery.GetProperty("participants").GetProperty("women").GetInt32());
        Assert.Equal(9, delivery.GetProperty("participantsByInstitution").GetProperty("PROSECUTION").GetInt32());
        Assert.Equal(17_250m, delivery.GetProperty("spentUsd").GetDecimal());

        var evt = (await system.EventsOfAsync(id)).Single(e => e.Type == "ActivityDelivered").Body;
        Assert.Equal(activityId, evt.GetProperty("activityId").GetGuid());
        Assert.Equal((14, 10, 1), (evt.GetProperty("participantsWomen").GetInt32(), evt.GetProperty("participantsMen").GetInt32(), evt.GetProperty("participantsOther").GetInt32()));
        Assert.Equal("2026-03-05", evt.GetProperty("actualEnd").GetString());

        await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/activities/{activityId}/delivery", Delivery()).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Delivery_figures_must_add_up()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var id = await system.ApprovedProgrammeAsync(staff);
        await ProgrammeBuilder.ChangeStatusAsync(staff, id, "StartDelivery");
        var activityId = (await PlanningSystem.GetProgrammeAsync(staff, id)).GetProperty("activities")[0].GetProperty("id").GetGuid();

        var problem = await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/activities/{activityId}/delivery", new
        {
            actualStart = "2026-03-05",
            actualEnd = "2026-03-03",
            participants = new { women = 2, men = 2, other = 0 },
            participantsByInstitution = new Dictionary<string, int> { ["POLICE"] = 3, ["ARMY"] = 0 },
            evaluationScore = 7,
            disbursements = new Dictionary<string, decimal> { ["ACME"] = 10m, ["INTERPOL"] = -1m },
        }).ShouldBeJson(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "actualEnd", "participantsByInstitution", "participantsByInstitution.ARMY", "evaluationScore", "disbursements.ACME", "disbursements.INTERPOL", "spentUsd" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}: {errors}");
        }

        var overDisbursed = await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/activities/{activityId}/delivery", new
        {
            actualStart = "2026-03-03",
            actualEnd = "2026-03-05",
            participants = new { women = 2, men = 2, other = 0 },
            spentUsd = 1_000m,
            disbursements = new Dictionary<string, decimal> { ["INTERPOL"] = 600m, ["UNOCT"] = 500m },
        }).ShouldBeJson(HttpStatusCode.BadRequest);
        Assert.True(overDisbursed.GetProperty("errors").TryGetProperty("disbursements", out _), overDisbursed.ToString());
    }

    [Fact]
    public async Task Results_are_recorded_and_ratifications_that_followed_are_linked()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var id = await system.ApprovedProgrammeAsync(staff, "NER");
        var unrelated = await system.ApprovedProgrammeAsync(staff, "KEN");

        await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/results", new
        {
            kind = "LawAmended",
            description = "Penal Code amended to criminalise terrorist bombings",
            stateCode = "NER",
            instrumentCode = "TERRORIST-BOMBINGS-1997",
            date = "2026-06-01",
        }).ShouldBe(HttpStatusCode.Created);
        await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/results", new { kind = "OfficialsTrained", description = "Prosecutors", stateCode = "NER", date = "2026-06-01" })
            .ShouldBe(HttpStatusCode.BadRequest);
        await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/results", new { kind = "Ratification", description = "x", stateCode = "NER", date = "2026-06-01" })
            .ShouldBe(HttpStatusCode.BadRequest);

        // A signature and a correction between party statuses are not ratifications that followed.
        var notResults = new[]
        {
            new RatificationStatusChanged("NER", "TERRORIST-BOMBINGS-1997", "None", "Signed", null, DateTimeOffset.UtcNow),
            new RatificationStatusChanged("NER", "TERRORIST-BOMBINGS-1997", "Ratified", "Acceded", new DateOnly(2026, 7, 1), DateTimeOffset.UtcNow),
        };
        var ignored = await system.PublishTrackedAsync(notResults);
        await system.PublishAsync(new RatificationStatusChanged("NER", "TERRORIST-BOMBINGS-1997", "None", "Ratified", new DateOnly(2026, 7, 1), DateTimeOffset.UtcNow));
        await system.PublishAsync(new RatificationStatusChanged("NER", "AVIATION-TOKYO-1963", "None", "Ratified", new DateOnly(2026, 7, 1), DateTimeOffset.UtcNow));

        var results = await Eventually.GetAsync(async () =>
        {
            var list = await staff.GetItemsAsync($"/api/planning/programmes/{id}/results");
            return list is { Length: 2 } ? list : null;
        }, what: "the linked ratification");
        await system.ConsumedAsync(ignored);
        results = (await staff.GetItemsAsync($"/api/planning/programmes/{id}/results"))!;
        var ratification = results.Single(r => r.GetProperty("kind").GetString() == "Ratification");
        Assert.Equal("TERRORIST-BOMBINGS-1997", ratification.GetProperty("instrumentCode").GetString());
        Assert.Equal("Ratified", ratification.GetProperty("ratificationStatus").GetString());
        Assert.Equal("2026-07-01", ratification.GetProperty("date").GetString());
        Assert.Empty((await staff.GetItemsAsync($"/api/planning/programmes/{unrelated}/results"))!);
    }

    [Fact]
    public async Task Lifecycle_after_approval_and_illegal_transitions()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var id = await system.ApprovedProgrammeAsync(staff);

        var illegal = await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/status-changes", new { action = "Complete" }).ShouldBeJson(HttpStatusCode.Conflict);
        Assert.Equal("https://programmes.unodc.org/problems/illegal-transition", illegal.GetProperty("type").GetString());
        Assert.Equal("Approved", illegal.GetProperty("currentState").GetString());
        await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/status-changes", new { action = "Suspend" }).ShouldBe(HttpStatusCode.BadRequest);

        await ProgrammeBuilder.ChangeStatusAsync(staff, id, "StartDelivery");
        var suspended = await ProgrammeBuilder.ChangeStatusAsync(staff, id, "Suspend", "Security situation in the venue city.");
        Assert.Equal("Security situation in the venue city.", suspended.GetProperty("statusReason").GetString());
        Assert.Equal("InDelivery", (await ProgrammeBuilder.ChangeStatusAsync(staff, id, "Resume")).GetProperty("status").GetString());
        await ProgrammeBuilder.ChangeStatusAsync(staff, id, "Complete");
        await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/status-changes", new { action = "Cancel", reason = "late" }).ShouldBe(HttpStatusCode.Conflict);
        await staff.PutAsJsonAsync($"/api/planning/programmes/{id}/compliance-review", new { outcome = "Cleared", reviewer = "x" }).ShouldBe(HttpStatusCode.Conflict);

        var changes = (await system.EventsOfAsync(id)).Where(e => e.Type == "ProgrammeStatusChanged")
            .Select(e => $"{e.Body.GetProperty("previousStatus").GetString()}->{e.Body.GetProperty("status").GetString()}");
        Assert.Equal(["Approved->InDelivery", "InDelivery->Suspended", "Suspended->InDelivery", "InDelivery->Completed"], changes);
    }

    [Fact]
    public async Task States_see_their_own_programmes_only_and_never_drafts()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var kenya = await system.ClientAsync(TestClients.StateKenya);
        var niger = await system.ClientAsync(TestClients.StateNiger);
        var id = await system.ApprovedProgrammeAsync(staff);
        var draft = await ProgrammeBuilder.DraftAsync(staff, await system.AcceptedRequestAsync(staff, "KEN"));

        await kenya.GetAsync($"/api/planning/programmes/{id}").ShouldBe(HttpStatusCode.OK);
        await niger.GetAsync($"/api/planning/programmes/{id}").ShouldBe(HttpStatusCode.NotFound);
        await kenya.GetAsync($"/api/planning/programmes/{draft}").ShouldBe(HttpStatusCode.NotFound);
        await kenya.PostAsync($"/api/planning/programmes/{draft}/proposal", null).ShouldBe(HttpStatusCode.Forbidden);
    }

    private static object Delivery() => new
    {
        actualStart = "2026-03-03",
        actualEnd = "2026-03-05",
        participants = new { women = 14, men = 10, other = 1 },
        participantsByInstitution = new Dictionary<string, int> { ["PROSECUTION"] = 9, ["JUDICIARY"] = 8, ["POLICE"] = 8 },
        evaluationScore = 4.5m,
        spentUsd = 17_250m,
    };
}
