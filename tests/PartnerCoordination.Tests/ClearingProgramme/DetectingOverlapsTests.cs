using System.Net;
using System.Text.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.PartnerCoordination.Tests.ClearingProgramme;

[Collection("coordination")]
public sealed class DetectingOverlapsTests(CoordinationSystem system)
{
    private const string Area = "INVESTIGATION-PROSECUTION";

    private static Guid[] DeclaredActivitiesIn(JsonElement round) =>
        round.GetProperty("overlaps").EnumerateArray().Select(o => o.GetProperty("declaredActivityId").GetGuid()).ToArray();

    [Fact]
    public async Task Same_dates_overlap_while_adjacent_dates_and_another_State_do_not()
    {
        var interpol = await system.ClientAsync(TestClients.Interpol);
        async Task<Guid> Declare(string state, string start, string end) =>
            (await interpol.DeclareAsync(state, Area, start, end).ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var sameDates = await Declare("KEN", "2027-06-07", "2027-06-11");
        var partly = await Declare("KEN", "2027-06-11", "2027-06-20");
        await Declare("KEN", "2027-06-12", "2027-06-14");
        await Declare("KEN", "2027-06-01", "2027-06-06");
        await Declare("NER", "2027-06-07", "2027-06-11");

        var programme = Proposals.Proposed("KEN", Area, new DateOnly(2027, 6, 7), new DateOnly(2027, 6, 11));
        await system.ProposeAsync(programme);
        var round = await system.RoundOfAsync(programme.ProgrammeId);

        Assert.Equal(new[] { sameDates, partly }.Order(), DeclaredActivitiesIn(round).Order());
        var overlap = round.GetProperty("overlaps").EnumerateArray().Single(o => o.GetProperty("declaredActivityId").GetGuid() == partly);
        Assert.Equal("2027-06-11", overlap.GetProperty("from").GetString());
        Assert.Equal("2027-06-11", overlap.GetProperty("to").GetString());
        Assert.Equal(programme.Activities[0].ActivityId, overlap.GetProperty("programmeActivityId").GetGuid());
    }

    [Fact]
    public async Task An_activity_declared_while_a_round_is_open_is_attached_and_withdrawing_it_detaches_it()
    {
        var programme = Proposals.Proposed("KEN", Area, new DateOnly(2027, 7, 5), new DateOnly(2027, 7, 9));
        await system.ProposeAsync(programme);
        var roundId = (await system.RoundOfAsync(programme.ProgrammeId)).GetProperty("id").GetGuid();
        Assert.Empty(DeclaredActivitiesIn(await system.RoundAsync(roundId)));

        var interpol = await system.ClientAsync(TestClients.Interpol);
        var id = (await interpol.DeclareAsync("KEN", Area, "2027-07-08", "2027-07-15").ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal([id], DeclaredActivitiesIn(await system.RoundAsync(roundId)));

        await interpol.PostAsync($"/api/coordination/activities/{id}/withdraw", null).ShouldBe(HttpStatusCode.OK);
        Assert.Empty(DeclaredActivitiesIn(await system.RoundAsync(roundId)));
    }
}
