using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.ProgrammePlanning.Tests.ProposingProgramme;

/// <summary>A proposed programme is approved once partner clearance, full funding and a cleared compliance review all hold.</summary>
public sealed class ApprovalTests(PlanningSystem system) : IClassFixture<PlanningSystem>
{
    public static TheoryData<string, string, string> EveryOrder() => new()
    {
        { "clearance", "funding", "review" },
        { "clearance", "review", "funding" },
        { "funding", "clearance", "review" },
        { "funding", "review", "clearance" },
        { "review", "clearance", "funding" },
        { "review", "funding", "clearance" },
    };

    [Theory]
    [MemberData(nameof(EveryOrder))]
    public async Task Approval_follows_the_third_fact_whatever_the_order(string first, string second, string third)
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var requestId = await system.AcceptedRequestAsync(staff, "KEN");
        var id = await ProgrammeBuilder.DraftAsync(staff, requestId);
        var proposed = await ProgrammeBuilder.ProposeAsync(staff, id);
        Assert.Equal("Proposed", proposed.GetProperty("status").GetString());
        var budget = proposed.GetProperty("budgetUsd").GetDecimal();
        Assert.Equal(18_000m, budget);

        await system.ApplyFactAsync(staff, id, first, budget);
        await system.ApplyFactAsync(staff, id, second, budget);
        Assert.Equal("Proposed", (await PlanningSystem.GetProgrammeAsync(staff, id)).GetProperty("status").GetString());
        await system.ApplyFactAsync(staff, id, third, budget);

        var approved = await PlanningSystem.ProgrammeWhenAsync(staff, id, p => p.GetProperty("status").GetString() == "Approved", "approval");
        Assert.NotNull(approved.GetProperty("approvedAt").GetString());
        var events = await system.EventsOfAsync(id);
        // Events recorded by one SaveChanges have no order among themselves.
        Assert.Equal(["ProgrammeBudgeted", "ProgrammeProposed"], events.Take(2).Select(e => e.Type).Order());
        Assert.Equal("ProgrammeApproved", Assert.Single(events.Skip(2)).Type);
        Assert.Equal(budget, events.Single(e => e.Type == "ProgrammeBudgeted").Body.GetProperty("budgetUsd").GetDecimal());
        Assert.Equal(requestId, events[2].Body.GetProperty("requestIds")[0].GetGuid());
    }

    [Fact]
    public async Task Concerns_from_clearance_hold_approval_until_staff_accept_them()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var id = await ProposedAsync(staff);
        await system.PublishAsync(new ProgrammeClearanceRaisedConcerns(id, Guid.NewGuid(),
            [new ClearanceConcern("INTERPOL", "Overlap", "We run a similar workshop in March.", Guid.NewGuid())], DateTimeOffset.UtcNow));
        await PlanningSystem.ProgrammeWhenAsync(staff, id, p => p.GetProperty("approval").GetProperty("concernsOpen").GetBoolean(), "the concerns");
        await ProgrammeBuilder.ReviewAsync(staff, id);
        await system.ApplyFactAsync(staff, id, "funding", 18_000m);

        var waiting = await PlanningSystem.GetProgrammeAsync(staff, id);
        Assert.Equal("Proposed", waiting.GetProperty("status").GetString());
        Assert.Contains("INTERPOL", waiting.GetProperty("approval").GetProperty("clearanceConcerns")[0].GetString());

        var accepted = await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/clearance-concerns/resolution",
            new { decision = "Accept", note = "Dates moved to May; INTERPOL agreed by e-mail." }).ShouldBeJson(HttpStatusCode.OK);
        Assert.Equal("Approved", accepted.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Resubmitting_after_concerns_opens_a_new_clearance_round()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var id = await ProposedAsync(staff);
        await system.PublishAsync(new ProgrammeClearanceRaisedConcerns(id, Guid.NewGuid(), [new ClearanceConcern("CTED", "Objection", null, null)], DateTimeOffset.UtcNow));
        await PlanningSystem.ProgrammeWhenAsync(staff, id, p => p.GetProperty("approval").GetProperty("concernsOpen").GetBoolean(), "the concerns");

        await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/clearance-concerns/resolution", new { decision = "Resubmit", note = "Scope narrowed." })
            .ShouldBe(HttpStatusCode.OK);

        var events = await system.EventsOfAsync(id);
        Assert.Equal(2, events.Count(e => e.Type == "ProgrammeProposed"));
        var again = await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/clearance-concerns/resolution", new { decision = "Accept", note = "x" })
            .ShouldBeJson(HttpStatusCode.Conflict);
        Assert.Equal("https://programmes.unodc.org/problems/illegal-transition", again.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_review_that_does_not_clear_keeps_the_programme_waiting()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var id = await ProposedAsync(staff);
        await ProgrammeBuilder.ReviewAsync(staff, id, "NotCleared", "Detention conditions of trainees' institutions not assessed.");
        await system.ApplyFactAsync(staff, id, "clearance", 18_000m);
        await system.ApplyFactAsync(staff, id, "funding", 18_000m);
        Assert.Equal("Proposed", (await PlanningSystem.GetProgrammeAsync(staff, id)).GetProperty("status").GetString());

        var cleared = await ProgrammeBuilder.ReviewAsync(staff, id, "ClearedWithConditions", "Assessment of detention conditions before the mock trial.");
        Assert.Equal("Approved", cleared.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Proposing_needs_the_markers_and_only_a_draft_can_be_proposed()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var requestId = await system.AcceptedRequestAsync(staff, "KEN");
        var id = await ProgrammeBuilder.DraftAsync(staff, requestId, markers: false);
        var missing = await staff.PostAsync($"/api/planning/programmes/{id}/proposal", null).ShouldBeJson(HttpStatusCode.Conflict);
        Assert.Contains("gender marker", missing.GetProperty("detail").GetString());

        await staff.PutAsJsonAsync($"/api/planning/programmes/{id}/markers", new { genderMarker = 1, childrenConcerned = true })
            .ShouldBe(HttpStatusCode.BadRequest);
        await staff.PutAsJsonAsync($"/api/planning/programmes/{id}/markers",
            new { genderMarker = 1, childrenConcerned = true, childSafeguards = "No child participants; child-sensitive case material only." }).ShouldBe(HttpStatusCode.OK);
        await ProgrammeBuilder.ProposeAsync(staff, id);
        var twice = await staff.PostAsync($"/api/planning/programmes/{id}/proposal", null).ShouldBeJson(HttpStatusCode.Conflict);
        Assert.Equal("Proposed", twice.GetProperty("currentState").GetString());
    }

    private async Task<Guid> ProposedAsync(HttpClient staff)
    {
        var requestId = await system.AcceptedRequestAsync(staff, "KEN");
        var id = await ProgrammeBuilder.DraftAsync(staff, requestId);
        await ProgrammeBuilder.ProposeAsync(staff, id);
        return id;
    }
}
