using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.RequestIntake.Tests.CentralAuthorities;

[Collection(IntakeCollection.Name)]
public sealed class DirectoryTests(IntakeSystem system)
{
    private static Dictionary<string, object?> Authority(string kind = "MutualLegalAssistance", string name = "Central Authority for MLA") => new()
    {
        ["kind"] = kind,
        ["name"] = name,
        ["address"] = "Sheria House, Nairobi",
        ["phone"] = "+254 20 222 7461",
        ["email"] = "mla@example.org",
        ["languages"] = new[] { "en", "sw" },
        ["channels"] = new[] { "Diplomatic", "Interpol" },
        ["notes"] = "Requests in English.",
        ["lastConfirmed"] = IntakeApi.Today.ToString("yyyy-MM-dd"),
    };

    private static string[] Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public async Task A_State_keeps_its_authorities_and_every_change_is_audited()
    {
        var (kenya, niger, staff, interpol) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.StateNiger),
            await system.ClientAsync(TestClients.Staff), await system.ClientAsync(TestClients.Interpol));

        var response = await kenya.PostAsJsonAsync("/api/intake/central-authorities", Authority()).ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.Id();
        Assert.Equal($"/api/intake/central-authorities/{id}", response.Headers.Location!.ToString());
        Assert.Equal("KEN", created.GetProperty("stateCode").GetString());
        var update = Authority(kind: "Both", name: "Office of the Attorney General");
        update["languages"] = new[] { "en" };
        var updated = await kenya.PutAsJsonAsync($"/api/intake/central-authorities/{id}", update).ShouldBeJson(HttpStatusCode.OK);
        await kenya.PutAsJsonAsync($"/api/intake/central-authorities/{id}", update).ShouldBe(HttpStatusCode.OK);
        await niger.PutAsJsonAsync($"/api/intake/central-authorities/{id}", update).ShouldBe(HttpStatusCode.NotFound);
        await niger.DeleteAsync($"/api/intake/central-authorities/{id}").ShouldBe(HttpStatusCode.NotFound);
        await niger.GetAsync($"/api/intake/central-authorities/{id}").ShouldBe(HttpStatusCode.NotFound);
        await niger.GetAsync($"/api/intake/central-authorities/{id}/changes").ShouldBe(HttpStatusCode.NotFound);
        await interpol.GetAsync($"/api/intake/central-authorities/{id}").ShouldBe(HttpStatusCode.OK);
        await interpol.GetAsync($"/api/intake/central-authorities/{id}/changes").ShouldBe(HttpStatusCode.Forbidden);
        await kenya.DeleteAsync($"/api/intake/central-authorities/{id}").ShouldBe(HttpStatusCode.NoContent);
        await kenya.GetAsync($"/api/intake/central-authorities/{id}").ShouldBe(HttpStatusCode.NotFound);
        var audit = await staff.GetAsync($"/api/intake/central-authorities/{id}/changes").ShouldBeJson(HttpStatusCode.OK);
        var ownAudit = await kenya.GetAsync($"/api/intake/central-authorities/{id}/changes").ShouldBeJson(HttpStatusCode.OK);

        Assert.Equal("Both", updated.GetProperty("kind").GetString());
        // The unchanged second update is not audited.
        Assert.Equal(["Registered", "Updated", "Removed"], audit.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("action").GetString()!).ToArray());
        Assert.All(audit.GetProperty("items").EnumerateArray(), c => Assert.Equal(TestClients.StateKenya.ClientId, c.GetProperty("changedBy").GetString()));
        var changes = audit.GetProperty("items")[1].GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!);
        Assert.Equal(["kind", "languages", "name"], changes.Keys.Order().ToArray());
        Assert.Equal("MutualLegalAssistance", changes["kind"].GetProperty("from").GetString());
        Assert.Equal("Both", changes["kind"].GetProperty("to").GetString());
        Assert.Equal("en, sw", changes["languages"].GetProperty("from").GetString());
        Assert.Equal(3, ownAudit.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Staff_and_partners_search_by_State_kind_and_language_and_a_State_sees_only_its_own()
    {
        var (kenya, niger, staff, cted) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.StateNiger),
            await system.ClientAsync(TestClients.Staff), await system.ClientAsync(TestClients.Cted));
        await kenya.PostAsJsonAsync("/api/intake/central-authorities", Authority(kind: "Both", name: "KEN both")).ShouldBe(HttpStatusCode.Created);
        await kenya.PostAsJsonAsync("/api/intake/central-authorities", Authority(kind: "Extradition", name: "KEN extradition")).ShouldBe(HttpStatusCode.Created);
        var french = Authority(kind: "MutualLegalAssistance", name: "NER entraide");
        french["languages"] = new[] { "fr" };
        await niger.PostAsJsonAsync("/api/intake/central-authorities", french).ShouldBe(HttpStatusCode.Created);

        var kenyanMla = await staff.GetFromJsonAsync<JsonElement>("/api/intake/central-authorities?stateCode=KEN&kind=MutualLegalAssistance");
        var kenyanExtradition = await cted.GetFromJsonAsync<JsonElement>("/api/intake/central-authorities?stateCode=KEN&kind=Extradition");
        var inFrench = await cted.GetFromJsonAsync<JsonElement>("/api/intake/central-authorities?language=fr");
        var nigerSees = await niger.GetFromJsonAsync<JsonElement>("/api/intake/central-authorities?stateCode=KEN");
        var bad = await staff.GetAsync("/api/intake/central-authorities?stateCode=ABC&kind=Any&language=French").ShouldBeJson(HttpStatusCode.BadRequest);

        Assert.Contains("KEN both", Names(kenyanMla));
        Assert.DoesNotContain("KEN extradition", Names(kenyanMla));
        Assert.Equal(["KEN both", "KEN extradition"], Names(kenyanExtradition).Where(n => n.StartsWith("KEN ", StringComparison.Ordinal)).Order().ToArray());
        Assert.Contains("NER entraide", Names(inFrench));
        Assert.DoesNotContain(Names(inFrench), n => n.StartsWith("KEN", StringComparison.Ordinal));
        Assert.Empty(Names(nigerSees));
        Assert.Equal(["kind", "language", "stateCode"], bad.ErrorFields());
    }

    [Fact]
    public async Task A_bad_authority_lists_every_bad_field_and_only_States_maintain_the_directory()
    {
        var (kenya, staff, cted) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.Staff),
            await system.ClientAsync(TestClients.Cted));

        var problem = await kenya.PostAsJsonAsync("/api/intake/central-authorities", new Dictionary<string, object?>
        {
            ["kind"] = "Police",
            ["name"] = "",
            ["address"] = new string('a', 501),
            ["phone"] = "none",
            ["email"] = "nobody",
            ["languages"] = new[] { "EN" },
            ["channels"] = new[] { "Pigeon" },
            ["notes"] = new string('n', 2001),
            ["lastConfirmed"] = IntakeApi.Today.AddDays(1).ToString("yyyy-MM-dd"),
        }).ShouldBeJson(HttpStatusCode.BadRequest);
        var empty = await kenya.PutAsJsonAsync($"/api/intake/central-authorities/{Guid.NewGuid()}", new { }).ShouldBeJson(HttpStatusCode.BadRequest);

        Assert.Equal(["address", "channels[0]", "email", "kind", "languages[0]", "lastConfirmed", "name", "notes", "phone"], problem.ErrorFields());
        Assert.Equal(["kind", "languages", "lastConfirmed", "name"], empty.ErrorFields());
        await staff.PostAsJsonAsync("/api/intake/central-authorities", Authority()).ShouldBe(HttpStatusCode.Forbidden);
        await cted.PostAsJsonAsync("/api/intake/central-authorities", Authority()).ShouldBe(HttpStatusCode.Forbidden);
        await kenya.PutAsJsonAsync($"/api/intake/central-authorities/{Guid.NewGuid()}", Authority()).ShouldBe(HttpStatusCode.NotFound);
        await kenya.DeleteAsync($"/api/intake/central-authorities/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
    }
}
