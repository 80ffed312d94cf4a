using System.Net;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.RequestIntake.Tests.FollowingProgrammes;

[Collection(IntakeCollection.Name)]
public sealed class TimelineTests(IntakeSystem system)
{
    [Fact]
    public async Task The_timeline_follows_the_programme_from_proposal_to_completion()
    {
        var (kenya, staff) = (await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.Staff));
        var id = (await kenya.SubmitAsync(IntakeApi.ValidRequest(area: "LEGISLATIVE-INCORPORATION"))).Id();
        var other = (await kenya.SubmitAsync(IntakeApi.ValidRequest(area: "LEGISLATIVE-INCORPORATION", startInDays: 900))).Id();
        await staff.PostAsync($"/api/intake/requests/{id}/accept", null).ShouldBe(HttpStatusCode.OK);
        var programme = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        var activity = new PlannedActivity(Guid.NewGuid(), "KEN", "LEGISLATIVE-INCORPORATION", "LEGISLATIVE-DRAFTING",
            IntakeApi.Today.AddDays(40), IntakeApi.Today.AddDays(45), 20_000m);

        await system.PublishAsync(new ProgrammeProposed(programme, "Counter-terrorism legislation for Kenya", ["KEN"], ["LEGISLATIVE-INCORPORATION"],
            [id, Guid.NewGuid()], [activity], 20_000m, at.AddMinutes(1)));
        await WaitForAsync(kenya, id, 3);
        // Coordination's and funding's events name only the programme: intake places them through what planning told it.
        await system.PublishAsync(new ProgrammeCleared(programme, Guid.NewGuid(), ["CTED"], [], at.AddMinutes(2)));
        await system.PublishAsync(new ProgrammeFullyFunded(programme, 20_000m, 20_000m, at.AddMinutes(3)));
        await system.PublishAsync(new ProgrammeApproved(programme, ["KEN"], [id], at.AddMinutes(4)));
        await system.PublishAsync(new ActivityDelivered(programme, activity.ActivityId, "KEN", [id], "LEGISLATIVE-INCORPORATION", "LEGISLATIVE-DRAFTING",
            IntakeApi.Today, IntakeApi.Today, 12, 10, 1, at.AddMinutes(5)));
        await system.PublishAsync(new ProgrammeStatusChanged(programme, ["KEN"], [id], "InDelivery", "Completed", null, at.AddMinutes(6)));
        var timeline = await WaitForAsync(kenya, id, 8);

        Assert.Equal(
            ["Submitted", "Accepted", "ProgrammeProposed", "ProgrammeCleared", "ProgrammeFullyFunded", "ProgrammeApproved", "ActivityDelivered", "ProgrammeCompleted"],
            timeline.Select(e => e.GetProperty("kind").GetString()!).ToArray());
        Assert.All(timeline.Skip(2), e => Assert.Equal(programme, e.GetProperty("programmeId").GetGuid()));
        Assert.Contains("23 participants", timeline[6].GetProperty("description").GetString());
        var untouched = await kenya.GetAsync($"/api/intake/requests/{other}").ShouldBeJson(HttpStatusCode.OK);
        Assert.Equal(1, untouched.GetProperty("timeline").GetArrayLength());
    }

    private static async Task<JsonElement[]> WaitForAsync(HttpClient client, Guid id, int entries) =>
        await Eventually.GetAsync(async () =>
        {
            var request = await client.GetAsync($"/api/intake/requests/{id}").ShouldBeJson(HttpStatusCode.OK);
            var timeline = request.GetProperty("timeline").EnumerateArray().ToArray();
            return timeline.Length >= entries ? timeline : null;
        }, what: $"{entries} timeline entries");
}
