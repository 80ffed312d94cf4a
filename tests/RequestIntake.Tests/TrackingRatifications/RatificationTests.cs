using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.ReferenceData;
using Programmes.Testing;
using Xunit;

namespace Programmes.RequestIntake.Tests.TrackingRatifications;

[Collection(IntakeCollection.Name)]
public sealed class RatificationTests(IntakeSystem system)
{
    private const string Instrument = "AVIATION-TOKYO-1963";

    [Fact]
    public async Task Staff_record_a_ratification_which_closes_the_gap_and_is_published()
    {
        var (staff, kenya) = (await system.ClientAsync(TestClients.Staff), await system.ClientAsync(TestClients.StateKenya));

        var signed = await staff.PutAsJsonAsync($"/api/intake/ratifications/FRA/{Instrument}", new { status = "Signed", signedOn = "2001-05-01" })
            .ShouldBeJson(HttpStatusCode.OK);
        var ratified = await staff.PutAsJsonAsync($"/api/intake/ratifications/FRA/{Instrument}",
            new { status = "Ratified", signedOn = "2001-05-01", effectiveOn = "2003-06-01" }).ShouldBeJson(HttpStatusCode.OK);
        await staff.PutAsJsonAsync($"/api/intake/ratifications/FRA/{Instrument}",
            new { status = "Ratified", signedOn = "2001-05-01", effectiveOn = "2003-06-01" }).ShouldBe(HttpStatusCode.OK);
        var france = await kenya.GetAsync("/api/intake/ratifications/FRA").ShouldBeJson(HttpStatusCode.OK);

        Assert.Equal("Signed", signed.GetProperty("status").GetString());
        Assert.True(ratified.GetProperty("isParty").GetBoolean());
        Assert.Equal(19, france.GetProperty("instruments").GetArrayLength());
        var gaps = france.Strings("gaps");
        Assert.Equal(18, gaps.Length);
        Assert.DoesNotContain(Instrument, gaps);
        var draft = france.GetProperty("suggestedRequest");
        Assert.Equal(["RATIFICATION"], draft.Strings("thematicAreas"));
        Assert.Equal(gaps, draft.Strings("instruments"));
        Assert.Equal("FRA", draft.GetProperty("stateCode").GetString());
        // The repeated, identical PUT published nothing more.
        var events = await system.EventsOfAsync($"FRA/{Instrument}");
        Assert.Equal(["RatificationStatusChanged", "RatificationStatusChanged"], events.Select(e => e.Type).ToArray());
        Assert.Equal("Signed", events[1].Body.GetProperty("previousStatus").GetString());
        Assert.Equal("Ratified", events[1].Body.GetProperty("status").GetString());
        Assert.Equal("2003-06-01", events[1].Body.GetProperty("effectiveDate").GetString());
    }

    [Fact]
    public async Task The_global_table_counts_parties_per_instrument_and_names_States_party_to_all()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        foreach (var instrument in Reference.Instruments.Keys)
        {
            await staff.PutAsJsonAsync($"/api/intake/ratifications/NOR/{instrument}", new { status = "Acceded", effectiveOn = "2010-01-01" })
                .ShouldBe(HttpStatusCode.OK);
        }
        await staff.PutAsJsonAsync($"/api/intake/ratifications/SWE/{Instrument}", new { status = "Succeeded", effectiveOn = "2010-01-01" }).ShouldBe(HttpStatusCode.OK);
        await staff.PutAsJsonAsync("/api/intake/ratifications/SWE/HOSTAGES-1979", new { status = "Signed", signedOn = "2010-01-01" }).ShouldBe(HttpStatusCode.OK);

        var table = await staff.GetAsync("/api/intake/ratifications").ShouldBeJson(HttpStatusCode.OK);
        var norway = await staff.GetAsync("/api/intake/ratifications/NOR").ShouldBeJson(HttpStatusCode.OK);

        Assert.Equal(193, table.GetProperty("stateCount").GetInt32());
        Assert.Contains("NOR", table.Strings("statesPartyToAll"));
        Assert.DoesNotContain("SWE", table.Strings("statesPartyToAll"));
        var tokyo = table.GetProperty("instruments").EnumerateArray().Single(i => i.GetProperty("instrumentCode").GetString() == Instrument);
        Assert.True(tokyo.GetProperty("partyCount").GetInt32() >= 2);
        var hostages = table.GetProperty("instruments").EnumerateArray().Single(i => i.GetProperty("instrumentCode").GetString() == "HOSTAGES-1979");
        Assert.True(hostages.GetProperty("signedOnlyCount").GetInt32() >= 1);
        Assert.Empty(norway.Strings("gaps"));
        Assert.Equal(JsonValueKind.Null, norway.GetProperty("suggestedRequest").ValueKind);
    }

    [Fact]
    public async Task Status_and_dates_are_validated_together()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        async Task<string[]> Errors(object body) =>
            (await staff.PutAsJsonAsync($"/api/intake/ratifications/DEU/{Instrument}", body).ShouldBeJson(HttpStatusCode.BadRequest)).ErrorFields();
        var tomorrow = IntakeApi.Today.AddDays(1).ToString("yyyy-MM-dd");

        Assert.Equal(["status"], await Errors(new { status = "Pending" }));
        Assert.Equal(["status"], await Errors(new { }));
        Assert.Equal(["signedOn"], await Errors(new { status = "Signed" }));
        Assert.Equal(["effectiveOn"], await Errors(new { status = "Ratified" }));
        Assert.Equal(["effectiveOn", "signedOn"], await Errors(new { status = "None", signedOn = "2001-01-01", effectiveOn = "2002-01-01" }));
        Assert.Equal(["effectiveOn", "signedOn"], await Errors(new { status = "Ratified", signedOn = tomorrow, effectiveOn = tomorrow }));
        Assert.Equal(["effectiveOn"], await Errors(new { status = "Ratified", signedOn = "2005-01-01", effectiveOn = "2004-01-01" }));
    }

    [Fact]
    public async Task Only_staff_maintain_the_tracker_and_unknown_States_or_instruments_are_not_found()
    {
        var (staff, kenya, cted) = (await system.ClientAsync(TestClients.Staff), await system.ClientAsync(TestClients.StateKenya),
            await system.ClientAsync(TestClients.Cted));
        var body = new { status = "Signed", signedOn = "2001-01-01" };

        await kenya.PutAsJsonAsync($"/api/intake/ratifications/KEN/{Instrument}", body).ShouldBe(HttpStatusCode.Forbidden);
        await cted.PutAsJsonAsync($"/api/intake/ratifications/KEN/{Instrument}", body).ShouldBe(HttpStatusCode.Forbidden);
        await staff.PutAsJsonAsync($"/api/intake/ratifications/XYZ/{Instrument}", body).ShouldBe(HttpStatusCode.NotFound);
        await staff.PutAsJsonAsync("/api/intake/ratifications/KEN/NOT-AN-INSTRUMENT", body).ShouldBe(HttpStatusCode.NotFound);
        await cted.GetAsync("/api/intake/ratifications/XYZ").ShouldBe(HttpStatusCode.NotFound);
        await cted.GetAsync("/api/intake/ratifications").ShouldBe(HttpStatusCode.OK);
    }
}
