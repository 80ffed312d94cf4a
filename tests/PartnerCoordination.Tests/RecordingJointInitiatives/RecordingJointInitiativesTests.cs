using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.PartnerCoordination.Tests.RecordingJointInitiatives;

[Collection("coordination")]
public sealed class RecordingJointInitiativesTests(CoordinationSystem system)
{
    [Fact]
    public async Task A_joint_initiative_is_published_and_seen_only_by_its_partners()
    {
        var programme = Proposals.Proposed("NER", "VICTIMS-OF-TERRORISM", new DateOnly(2027, 10, 4), new DateOnly(2027, 10, 8));
        await system.ProposeAsync(programme);
        await system.RoundOfAsync(programme.ProgrammeId);
        var staff = await system.ClientAsync(TestClients.Staff);

        var created = await staff.PostAsJsonAsync("/api/coordination/joint-initiatives", new
        {
            programmeId = programme.ProgrammeId,
            title = "Joint support to victims' associations",
            partners = new[] { new { partnerCode = "INTERPOL", role = "Implementing", contribution = "Two trainers" } },
        }).ShouldBeJson(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var recorded = (await system.OutboxAsync<JointInitiativeRecorded>())
            .Single(e => e.GetProperty("initiativeId").GetGuid() == id);
        Assert.Equal(programme.ProgrammeId, recorded.GetProperty("programmeId").GetGuid());
        Assert.Equal("Implementing", recorded.GetProperty("partners")[0].GetProperty("role").GetString());

        var interpol = await system.ClientAsync(TestClients.Interpol);
        Assert.Contains((await interpol.GetItemsAsync("/api/coordination/joint-initiatives"))!, i => i.GetProperty("id").GetGuid() == id);
        var cted = await system.ClientAsync(TestClients.Cted);
        Assert.DoesNotContain((await cted.GetItemsAsync("/api/coordination/joint-initiatives"))!, i => i.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_joint_initiative_needs_a_proposed_programme_and_registered_partners()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var problem = await staff.PostAsJsonAsync("/api/coordination/joint-initiatives", new
        {
            programmeId = Guid.NewGuid(),
            title = "",
            partners = new[] { new { partnerCode = "NOBODY", role = "" } },
        }).ShouldBeJson(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "programmeId", "title", "partners[0].partnerCode", "partners[0].role" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }
}
