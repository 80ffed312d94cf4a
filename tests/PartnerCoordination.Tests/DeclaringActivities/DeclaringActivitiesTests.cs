using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.PartnerCoordination.Tests.DeclaringActivities;

[Collection("coordination")]
public sealed class DeclaringActivitiesTests(CoordinationSystem system)
{
    [Fact]
    public async Task A_partner_updates_and_withdraws_its_own_activity_and_others_cannot_see_it()
    {
        var interpol = await system.ClientAsync(TestClients.Interpol);
        var cted = await system.ClientAsync(TestClients.Cted);
        var id = (await interpol.DeclareAsync("NER", "CRIME-TERRORISM-LINKS", "2027-08-02", "2027-08-06").ShouldBeJson(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

        var updated = await interpol.PutAsJsonAsync($"/api/coordination/activities/{id}", new
        {
            stateCode = "NER",
            thematicArea = "CRIME-TERRORISM-LINKS",
            modality = "MENTORING",
            title = "Financial investigations mentoring",
            startDate = "2027-08-09",
            endDate = "2027-08-13",
        }).ShouldBeJson(HttpStatusCode.OK);
        Assert.Equal("2027-08-09", updated.GetProperty("startDate").GetString());

        await cted.GetAsync($"/api/coordination/activities/{id}").ShouldBe(HttpStatusCode.NotFound);
        await cted.PostAsync($"/api/coordination/activities/{id}/withdraw", null).ShouldBe(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await cted.GetItemsAsync("/api/coordination/activities"))!, a => a.GetProperty("id").GetGuid() == id);
        var staff = await system.ClientAsync(TestClients.Staff);
        Assert.Contains((await staff.GetItemsAsync("/api/coordination/activities"))!, a => a.GetProperty("id").GetGuid() == id);

        var withdrawn = await interpol.PostAsync($"/api/coordination/activities/{id}/withdraw", null).ShouldBeJson(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        var again = await interpol.PostAsync($"/api/coordination/activities/{id}/withdraw", null).ShouldBeJson(HttpStatusCode.Conflict);
        Assert.Equal("Withdrawn", again.GetProperty("currentState").GetString());
    }

    [Fact]
    public async Task An_invalid_declaration_names_every_bad_field()
    {
        var interpol = await system.ClientAsync(TestClients.Interpol);
        var problem = await interpol.PostAsJsonAsync("/api/coordination/activities", new
        {
            stateCode = "KENYA",
            thematicArea = "PIRACY",
            modality = "PARTY",
            title = "",
            startDate = "2027-08-10",
            endDate = "2027-08-01",
        }).ShouldBeJson(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "stateCode", "thematicArea", "modality", "title", "endDate" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }
}
