using System.Net;
using System.Net.Http.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.RequestIntake.Tests.SubmittingRequest;

[Collection(IntakeCollection.Name)]
public sealed class SubmitRequestTests(IntakeSystem system)
{
    [Fact]
    public async Task A_State_submits_a_complete_request_and_gets_it_back_with_its_location_and_a_submitted_event()
    {
        var kenya = await system.ClientAsync(TestClients.StateKenya);

        var response = await kenya.PostAsJsonAsync("/api/intake/requests", IntakeApi.ValidRequest(area: "CULTURAL-HERITAGE"))
            .ShouldBe(HttpStatusCode.Created);
        var request = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal($"/api/intake/requests/{request.Id()}", response.Headers.Location!.ToString());
        Assert.Equal("Submitted", request.Status());
        Assert.Equal("MemberState", request.GetProperty("origin").GetString());
        Assert.Equal(["AVIATION-TOKYO-1963"], request.Strings("instruments"));
        Assert.Equal(["LEGAL-ADVISORY"], request.Strings("preferredModalities"));
        Assert.Equal(["Ministry of Justice"], request.Strings("beneficiaryInstitutions"));
        Assert.Equal("focal.point@example.org", request.GetProperty("contactEmail").GetString());
        Assert.Equal("Submitted", request.GetProperty("timeline")[0].GetProperty("kind").GetString());
        var events = await system.EventsOfAsync(request.Id());
        var submitted = Assert.Single(events);
        Assert.Equal("AssistanceRequestSubmitted", submitted.Type);
        Assert.Equal("KEN", submitted.Body.GetProperty("stateCode").GetString());
        Assert.Equal("MemberState", submitted.Body.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task The_minimal_request_of_the_first_journey_is_still_accepted()
    {
        var kenya = await system.ClientAsync(TestClients.StateKenya);

        var request = await kenya.SubmitAsync(new()
        {
            ["stateCode"] = "KEN",
            ["requestingAuthority"] = "Office of the Attorney General",
            ["thematicAreas"] = new[] { "ICT-INTERNET" },
            ["needs"] = "Training on electronic evidence.",
        });

        Assert.Equal("Submitted", request.Status());
    }

    [Fact]
    public async Task A_bad_request_lists_every_bad_field_at_once()
    {
        var kenya = await system.ClientAsync(TestClients.StateKenya);
        var body = new Dictionary<string, object?>
        {
            ["stateCode"] = "XXX",
            ["requestingAuthority"] = new string('a', 201),
            ["contactPerson"] = new string('b', 201),
            ["contactEmail"] = "not-an-email",
            ["contactPhone"] = "call me",
            ["thematicAreas"] = new[] { "NOT-AN-AREA" },
            ["instruments"] = new[] { "NOT-AN-INSTRUMENT" },
            ["needs"] = new string('c', 8001),
            ["priorities"] = new string('d', 4001),
            ["desiredStart"] = IntakeApi.Today.AddDays(-1).ToString("yyyy-MM-dd"),
            ["desiredEnd"] = IntakeApi.Today.AddDays(-2).ToString("yyyy-MM-dd"),
            ["preferredModalities"] = new[] { "CARRIER-PIGEON" },
            ["beneficiaryInstitutions"] = new[] { "" },
        };

        var problem = await kenya.PostAsJsonAsync("/api/intake/requests", body).ShouldBeJson(HttpStatusCode.BadRequest);

        Assert.Equal(
            ["beneficiaryInstitutions[0]", "contactEmail", "contactPerson", "contactPhone", "desiredEnd", "desiredStart", "instruments[0]",
             "needs", "preferredModalities[0]", "priorities", "requestingAuthority", "stateCode", "thematicAreas[0]"],
            problem.ErrorFields());
        Assert.Equal(2, problem.GetProperty("errors").GetProperty("desiredEnd").GetArrayLength());
    }

    [Fact]
    public async Task Required_fields_missing_and_repeated_codes_are_all_reported()
    {
        var kenya = await system.ClientAsync(TestClients.StateKenya);

        var empty = await kenya.PostAsJsonAsync("/api/intake/requests", new { }).ShouldBeJson(HttpStatusCode.BadRequest);
        var repeated = IntakeApi.ValidRequest();
        repeated["thematicAreas"] = new[] { "RATIFICATION", "RATIFICATION" };
        repeated["instruments"] = new[] { "AVIATION-TOKYO-1963", "AVIATION-TOKYO-1963" };
        var repeats = await kenya.PostAsJsonAsync("/api/intake/requests", repeated).ShouldBeJson(HttpStatusCode.BadRequest);

        Assert.Equal(["needs", "requestingAuthority", "stateCode", "thematicAreas"], empty.ErrorFields());
        Assert.Equal(["instruments", "thematicAreas"], repeats.ErrorFields());
    }

    [Fact]
    public async Task A_State_may_submit_only_for_itself()
    {
        var kenya = await system.ClientAsync(TestClients.StateKenya);

        var problem = await kenya.PostAsJsonAsync("/api/intake/requests", IntakeApi.ValidRequest(state: "NER")).ShouldBeJson(HttpStatusCode.BadRequest);

        Assert.Equal(["stateCode"], problem.ErrorFields());
    }

    [Fact]
    public async Task Staff_and_partners_cannot_submit_requests()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var cted = await system.ClientAsync(TestClients.Cted);

        await staff.PostAsJsonAsync("/api/intake/requests", IntakeApi.ValidRequest()).ShouldBe(HttpStatusCode.Forbidden);
        await cted.PostAsJsonAsync("/api/intake/requests", IntakeApi.ValidRequest()).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_open_request_of_the_same_State_overlapping_in_area_and_period_is_flagged_as_a_possible_duplicate()
    {
        var niger = await system.ClientAsync(TestClients.StateNiger);
        var first = await niger.SubmitAsync(IntakeApi.ValidRequest("NER", "BORDER-MANAGEMENT", startInDays: 10, lengthDays: 60));

        var overlapping = await niger.SubmitAsync(IntakeApi.ValidRequest("NER", "BORDER-MANAGEMENT", startInDays: 50, lengthDays: 60));
        var later = await niger.SubmitAsync(IntakeApi.ValidRequest("NER", "BORDER-MANAGEMENT", startInDays: 400, lengthDays: 10));
        var otherArea = await niger.SubmitAsync(IntakeApi.ValidRequest("NER", "VICTIMS-OF-TERRORISM", startInDays: 10, lengthDays: 60));

        Assert.Empty(first.Strings("possibleDuplicateOf"));
        Assert.Equal([first.Id().ToString()], overlapping.Strings("possibleDuplicateOf"));
        Assert.Empty(later.Strings("possibleDuplicateOf"));
        Assert.Empty(otherArea.Strings("possibleDuplicateOf"));
    }
}
