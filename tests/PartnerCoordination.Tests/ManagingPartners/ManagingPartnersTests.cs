using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.ReferenceData;
using Programmes.Testing;
using Xunit;

namespace Programmes.PartnerCoordination.Tests.ManagingPartners;

[Collection("coordination")]
public sealed class ManagingPartnersTests(CoordinationSystem system)
{
    [Fact]
    public async Task The_registry_holds_every_reference_partner_and_staff_see_them_all()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var partners = (await staff.GetItemsAsync("/api/coordination/partners"))!;
        var codes = partners.Select(p => p.GetProperty("code").GetString()).ToArray();
        Assert.All(Reference.Partners.Keys, code => Assert.Contains(code, codes));
        Assert.Contains("CTED", codes);
        Assert.Contains("UNOCT", codes);
    }

    [Fact]
    public async Task A_partner_sees_only_itself_and_another_partner_is_not_found()
    {
        var interpol = await system.ClientAsync(TestClients.Interpol);
        var partners = (await interpol.GetItemsAsync("/api/coordination/partners"))!;
        Assert.Equal(["INTERPOL"], partners.Select(p => p.GetProperty("code").GetString()));
        await interpol.GetAsync("/api/coordination/partners/CTED").ShouldBe(HttpStatusCode.NotFound);
        await interpol.GetAsync("/api/coordination/partners/CTED/endpoints").ShouldBe(HttpStatusCode.NotFound);
        await interpol.PostAsJsonAsync("/api/coordination/partners/CTED/endpoints", new { url = "https://example.org/hook", eventTypes = new[] { "clearance.round.opened" } })
            .ShouldBe(HttpStatusCode.NotFound);
        await interpol.PutAsJsonAsync("/api/coordination/partners/INTERPOL/interests", new { thematicAreas = new[] { "CHILDREN" } })
            .ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_partner_manages_its_own_endpoints_and_the_secret_is_shown_once()
    {
        var interpol = await system.ClientAsync(TestClients.Interpol);
        var created = await interpol.PostAsJsonAsync("/api/coordination/partners/INTERPOL/endpoints",
            new { url = "https://interpol.example/hooks", eventTypes = new[] { "clearance.round.closed" } }).ShouldBeJson(HttpStatusCode.Created);
        Assert.StartsWith("whsec_", created.GetProperty("secret").GetString());
        var id = created.GetProperty("id").GetGuid();

        var listed = (await interpol.GetItemsAsync("/api/coordination/partners/INTERPOL/endpoints"))!;
        var endpoint = Assert.Single(listed, e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(JsonValueKind.Null, endpoint.GetProperty("secret").ValueKind);

        var cted = await system.ClientAsync(TestClients.Cted);
        await cted.DeleteAsync($"/api/coordination/partners/INTERPOL/endpoints/{id}").ShouldBe(HttpStatusCode.NotFound);
        await interpol.DeleteAsync($"/api/coordination/partners/INTERPOL/endpoints/{id}").ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Invalid_interests_and_endpoints_are_refused_naming_every_field()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var interests = await staff.PutAsJsonAsync("/api/coordination/partners/UNDP/interests",
            new { thematicAreas = new[] { "SPACE" }, stateCodes = new[] { "XXX" }, regionalGroups = new[] { "Mars" } }).ShouldBeJson(HttpStatusCode.BadRequest);
        var errors = interests.GetProperty("errors");
        Assert.True(errors.TryGetProperty("thematicAreas[0]", out _));
        Assert.True(errors.TryGetProperty("stateCodes[0]", out _));
        Assert.True(errors.TryGetProperty("regionalGroups[0]", out _));

        var endpoint = await staff.PostAsJsonAsync("/api/coordination/partners/UNDP/endpoints",
            new { url = "ftp://undp.example", eventTypes = new[] { "everything" } }).ShouldBeJson(HttpStatusCode.BadRequest);
        Assert.True(endpoint.GetProperty("errors").TryGetProperty("url", out _));
        Assert.True(endpoint.GetProperty("errors").TryGetProperty("eventTypes[0]", out _));
    }
}
