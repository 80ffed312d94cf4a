using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.PartnerCoordination.Tests.ClearingProgramme;

[Collection("coordination")]
public sealed class ClearingProgrammeTests(CoordinationSystem system)
{
    private const string Border = "BORDER-MANAGEMENT";

    private async Task<(ProgrammeProposed Programme, JsonElement Round)> ProposeInKenyaAsync(int month)
    {
        await system.SetInterestsAsync("INTERPOL", [Border], ["KEN"]);
        await system.SetInterestsAsync("WCO", ["CHILDREN"], ["KEN"]);
        await system.SetInterestsAsync("UNDP", [Border], ["NER"]);
        var programme = Proposals.Proposed("KEN", Border, new DateOnly(2027, month, 1), new DateOnly(2027, month, 5));
        await system.ProposeAsync(programme);
        return (programme, await system.RoundOfAsync(programme.ProgrammeId));
    }

    [Fact]
    public async Task A_round_is_addressed_to_CTED_and_the_partners_whose_States_and_thematic_areas_match()
    {
        var (_, round) = await ProposeInKenyaAsync(1);
        Assert.Equal(["CTED", "INTERPOL"], round.Addressees());
        Assert.Equal("Open", round.GetProperty("status").GetString());

        var opened = round.GetProperty("openedAt").GetDateTimeOffset();
        var expected = opened;
        for (var workingDays = 0; workingDays < 10;)
        {
            expected = expected.AddDays(1);
            workingDays += expected.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }
        Assert.Equal(expected, round.GetProperty("deadline").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_round_closes_as_cleared_when_every_partner_has_answered_and_answers_only_once()
    {
        var (programme, round) = await ProposeInKenyaAsync(2);
        var id = round.GetProperty("id").GetGuid();
        var cted = await system.ClientAsync(TestClients.Cted);
        var interpol = await system.ClientAsync(TestClients.Interpol);

        await cted.AnswerAsync(id, "Concur").ShouldBe(HttpStatusCode.OK);
        await cted.AnswerAsync(id, "FlagOverlap").ShouldBe(HttpStatusCode.BadRequest);
        await cted.AnswerAsync(id, "Concur").ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("Open", (await system.RoundAsync(id)).GetProperty("status").GetString());
        await interpol.AnswerAsync(id, "ConcurWithComments", "Please involve our regional bureau in Nairobi.").ShouldBe(HttpStatusCode.OK);

        var closed = await system.RoundAsync(id);
        Assert.Equal("Cleared", closed.GetProperty("status").GetString());
        await interpol.AnswerAsync(id, "Concur").ShouldBe(HttpStatusCode.Conflict);
        var cleared = (await system.OutboxAsync<ProgrammeCleared>())
            .Single(e => e.GetProperty("programmeId").GetGuid() == programme.ProgrammeId);
        Assert.Equal(["CTED", "INTERPOL"], cleared.GetProperty("concurringPartners").EnumerateArray().Select(p => p.GetString()).Order());
        Assert.Empty(cleared.GetProperty("silentPartners").EnumerateArray());
    }

    [Fact]
    public async Task At_the_deadline_silence_counts_as_concurrence_and_is_recorded_as_such()
    {
        var (programme, round) = await ProposeInKenyaAsync(3);
        var id = round.GetProperty("id").GetGuid();
        var cted = await system.ClientAsync(TestClients.Cted);
        await cted.AnswerAsync(id, "Concur").ShouldBe(HttpStatusCode.OK);

        Assert.True(round.GetProperty("deadline").GetDateTimeOffset() > system.Clock.GetUtcNow().AddDays(13));
        system.Clock.Advance(TimeSpan.FromDays(15));

        var closed = await Eventually.GetAsync(async () =>
            await system.RoundAsync(id) is var r && r.GetProperty("status").GetString() != "Open" ? (JsonElement?)r : null, what: "the round to close at its deadline");
        Assert.Equal("Cleared", closed.GetProperty("status").GetString());
        var interpol = closed.GetProperty("addressees").EnumerateArray().Single(a => a.GetProperty("partnerCode").GetString() == "INTERPOL");
        Assert.Equal("Silence", interpol.GetProperty("answer").GetString());
        var cleared = (await system.OutboxAsync<ProgrammeCleared>())
            .Single(e => e.GetProperty("programmeId").GetGuid() == programme.ProgrammeId);
        Assert.Equal(["INTERPOL"], cleared.GetProperty("silentPartners").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_flagged_overlap_closes_the_round_with_concerns()
    {
        var interpol = await system.ClientAsync(TestClients.Interpol);
        var activity = await interpol.DeclareAsync("KEN", Border, "2027-04-02", "2027-04-03").ShouldBeJson(HttpStatusCode.Created);
        var activityId = activity.GetProperty("id").GetGuid();
        var (programme, round) = await ProposeInKenyaAsync(4);
        var id = round.GetProperty("id").GetGuid();

        await interpol.AnswerAsync(id, "FlagOverlap", "Our course covers the same border posts.", activityId).ShouldBe(HttpStatusCode.OK);
        await (await system.ClientAsync(TestClients.Cted)).AnswerAsync(id, "Concur").ShouldBe(HttpStatusCode.OK);

        Assert.Equal("ConcernsRaised", (await system.RoundAsync(id)).GetProperty("status").GetString());
        var concerns = (await system.OutboxAsync<ProgrammeClearanceRaisedConcerns>())
            .Single(e => e.GetProperty("programmeId").GetGuid() == programme.ProgrammeId).GetProperty("concerns");
        var concern = Assert.Single(concerns.EnumerateArray());
        Assert.Equal("INTERPOL", concern.GetProperty("partnerCode").GetString());
        Assert.Equal("FlagOverlap", concern.GetProperty("kind").GetString());
        Assert.Equal(activityId, concern.GetProperty("overlappingActivityId").GetGuid());
    }

    [Fact]
    public async Task A_partner_sees_only_rounds_addressed_to_it()
    {
        await system.SetInterestsAsync("INTERPOL", [Border], ["KEN"]);
        var programme = Proposals.Proposed("FRA", "CHILDREN", new DateOnly(2027, 5, 3), new DateOnly(2027, 5, 4));
        await system.ProposeAsync(programme);
        var round = await system.RoundOfAsync(programme.ProgrammeId);
        var id = round.GetProperty("id").GetGuid();
        Assert.Equal(["CTED"], round.Addressees());

        var interpol = await system.ClientAsync(TestClients.Interpol);
        await interpol.GetAsync($"/api/coordination/rounds/{id}").ShouldBe(HttpStatusCode.NotFound);
        await interpol.AnswerAsync(id, "Concur").ShouldBe(HttpStatusCode.NotFound);
        var listed = (await interpol.GetItemsAsync("/api/coordination/rounds"))!;
        Assert.DoesNotContain(listed, r => r.GetProperty("id").GetGuid() == id);
        Assert.All(listed, r => Assert.Equal(["INTERPOL"], r.Addressees()));

        var cted = await system.ClientAsync(TestClients.Cted);
        var seen = await cted.GetAsync($"/api/coordination/rounds/{id}").ShouldBeJson(HttpStatusCode.OK);
        Assert.Equal(["CTED"], seen.Addressees());
        var staff = await system.ClientAsync(TestClients.Staff);
        await staff.AnswerAsync(id, "Concur").ShouldBe(HttpStatusCode.Forbidden);
    }
}
