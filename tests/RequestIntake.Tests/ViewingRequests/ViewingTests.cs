using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.RequestIntake.Tests.ViewingRequests;

[Collection(IntakeCollection.Name)]
public sealed class ViewingTests(IntakeSystem system)
{
    private static string[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToArray();

    [Fact]
    public async Task A_State_sees_only_its_own_requests_and_another_States_request_is_not_found()
    {
        var (kenya, niger, staff, interpol) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.StateNiger),
            await system.ClientAsync(TestClients.Staff), await system.ClientAsync(TestClients.Interpol));
        var kenyan = (await kenya.SubmitAsync(IntakeApi.ValidRequest(area: "GENDER-MAINSTREAMING"))).Id();

        var own = await kenya.GetAsync($"/api/intake/requests/{kenyan}").ShouldBeJson(HttpStatusCode.OK);
        await niger.GetAsync($"/api/intake/requests/{kenyan}").ShouldBe(HttpStatusCode.NotFound);
        await interpol.GetAsync($"/api/intake/requests/{kenyan}").ShouldBe(HttpStatusCode.NotFound);
        await staff.GetAsync($"/api/intake/requests/{kenyan}").ShouldBe(HttpStatusCode.OK);
        var nigerList = await niger.GetAsync("/api/intake/requests?pageSize=100&stateCode=KEN").ShouldBeJson(HttpStatusCode.OK);
        var interpolList = await interpol.GetAsync("/api/intake/requests").ShouldBeJson(HttpStatusCode.OK);
        var staffList = await staff.GetAsync("/api/intake/requests?stateCode=KEN&thematicArea=GENDER-MAINSTREAMING").ShouldBeJson(HttpStatusCode.OK);

        Assert.Equal("KEN", own.GetProperty("stateCode").GetString());
        Assert.Empty(Ids(nigerList));
        Assert.Equal(0, interpolList.GetProperty("total").GetInt32());
        Assert.Contains(kenyan.ToString(), Ids(staffList));
        await staff.GetAsync($"/api/intake/requests/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_listing_filters_by_status_thematic_area_and_date_and_pages_newest_first()
    {
        var (kenya, staff) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.Staff));
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await kenya.SubmitAsync(IntakeApi.ValidRequest(area: "HUMAN-RIGHTS-COMPLIANT-RESPONSES", startInDays: 1000 + i * 100, lengthDays: 10))).Id());
        }
        await staff.PostAsync($"/api/intake/requests/{ids[0]}/accept", null).ShouldBe(HttpStatusCode.OK);
        var today = IntakeApi.Today.ToString("yyyy-MM-dd");

        var area = "thematicArea=HUMAN-RIGHTS-COMPLIANT-RESPONSES";
        var first = await kenya.GetAsync($"/api/intake/requests?{area}&pageSize=2&page=1").ShouldBeJson(HttpStatusCode.OK);
        var second = await kenya.GetAsync($"/api/intake/requests?{area}&pageSize=2&page=2").ShouldBeJson(HttpStatusCode.OK);
        var accepted = await kenya.GetAsync($"/api/intake/requests?{area}&status=Accepted").ShouldBeJson(HttpStatusCode.OK);
        var submittedToday = await kenya.GetAsync($"/api/intake/requests?{area}&status=Submitted&from={today}&to={today}").ShouldBeJson(HttpStatusCode.OK);
        var tomorrow = await kenya.GetAsync($"/api/intake/requests?{area}&from={IntakeApi.Today.AddDays(1):yyyy-MM-dd}").ShouldBeJson(HttpStatusCode.OK);

        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal([ids[2].ToString(), ids[1].ToString()], Ids(first));
        Assert.Equal([ids[0].ToString()], Ids(second));
        Assert.Equal([ids[0].ToString()], Ids(accepted));
        Assert.Equal([ids[2].ToString(), ids[1].ToString()], Ids(submittedToday));
        Assert.Empty(Ids(tomorrow));
        Assert.Equal("Submitted", first.GetProperty("items")[0].GetProperty("timeline")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Bad_listing_parameters_are_all_reported()
    {
        var kenya = await system.ClientAsync(TestClients.StateKenya);

        var problem = await kenya.GetAsync("/api/intake/requests?status=Lost&thematicArea=NOPE&stateCode=XX&from=yesterday&to=2026-13-01&page=0&pageSize=1000")
            .ShouldBeJson(HttpStatusCode.BadRequest);
        var reversed = await kenya.GetAsync("/api/intake/requests?from=2026-02-01&to=2026-01-01").ShouldBeJson(HttpStatusCode.BadRequest);

        Assert.Equal(["from", "page", "pageSize", "stateCode", "status", "thematicArea", "to"], problem.ErrorFields());
        Assert.Equal(["to"], reversed.ErrorFields());
    }

    [Fact]
    public async Task Donors_and_anonymous_callers_are_turned_away()
    {
        var donor = await system.ClientAsync(TestClients.DonorNorway);

        await donor.GetAsync("/api/intake/requests").ShouldBe(HttpStatusCode.Forbidden);
        await system.AnonymousClient().GetAsync("/api/intake/requests").ShouldBe(HttpStatusCode.Unauthorized);
    }
}
