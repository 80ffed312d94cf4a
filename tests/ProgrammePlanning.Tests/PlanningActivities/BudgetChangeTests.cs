using System.Net;
using System.Net.Http.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.ProgrammePlanning.Tests.PlanningActivities;

/// <summary>The budget is the sum of the activities; changing it after approval sends the programme back for funding.</summary>
public sealed class BudgetChangeTests(PlanningSystem system) : IClassFixture<PlanningSystem>
{
    [Fact]
    public async Task A_budget_change_after_approval_waits_for_funding_again()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var id = await system.ApprovedProgrammeAsync(staff);
        var activityId = (await PlanningSystem.GetProgrammeAsync(staff, id)).GetProperty("activities")[0].GetProperty("id").GetGuid();

        var changed = await staff.PutAsJsonAsync($"/api/planning/programmes/{id}/activities/{activityId}",
            ProgrammeBuilder.Activity("KEN", experts: 20_000m)).ShouldBeJson(HttpStatusCode.OK);

        Assert.Equal("Proposed", changed.GetProperty("status").GetString());
        Assert.Equal(28_000m, changed.GetProperty("budgetUsd").GetDecimal());
        Assert.False(changed.GetProperty("approval").GetProperty("fullyFunded").GetBoolean());
        var events = await system.EventsOfAsync(id);
        var budgeted = events.Where(e => e.Type == "ProgrammeBudgeted").Select(e => e.Body.GetProperty("budgetUsd").GetDecimal()).ToList();
        Assert.Equal([18_000m, 28_000m], budgeted);
        var back = events.Single(e => e.Type == "ProgrammeStatusChanged");
        Assert.Equal("Approved", back.Body.GetProperty("previousStatus").GetString());
        Assert.Equal("Proposed", back.Body.GetProperty("status").GetString());

        // Funding that covered the old budget does not count for the new one.
        await system.PublishAsync(new ProgrammeFullyFunded(id, 18_000m, 18_000m, DateTimeOffset.UtcNow));
        await system.PublishAsync(new ProgrammeFullyFunded(id, 28_000m, 28_000m, DateTimeOffset.UtcNow));
        var again = await PlanningSystem.ProgrammeWhenAsync(staff, id, p => p.GetProperty("status").GetString() == "Approved", "approval again");
        Assert.True(again.GetProperty("approval").GetProperty("partnerClearance").GetBoolean());
        Assert.Equal(2, (await system.EventsOfAsync(id)).Count(e => e.Type == "ProgrammeApproved"));
    }

    [Fact]
    public async Task Adding_an_activity_adds_to_the_budget_and_a_funding_gap_withdraws_approval()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var id = await system.ApprovedProgrammeAsync(staff);

        await system.PublishAsync(new ProgrammeFundingGapOpened(id, 18_000m, 12_000m, DateTimeOffset.UtcNow));
        var gap = await PlanningSystem.ProgrammeWhenAsync(staff, id, p => p.GetProperty("status").GetString() == "Proposed", "the funding gap");
        Assert.Contains("12000.00 of 18000.00", gap.GetProperty("statusReason").GetString());

        var added = await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/activities",
            ProgrammeBuilder.Activity("KEN", "LEGISLATIVE-INCORPORATION", experts: 4_000m, travel: 0m, modality: "LEGISLATIVE-DRAFTING")).ShouldBeJson(HttpStatusCode.OK);
        Assert.Equal(2, added.GetProperty("activities").GetArrayLength());
        Assert.Equal(25_000m, added.GetProperty("budgetUsd").GetDecimal());
        Assert.Equal(25_000m, (await system.EventsOfAsync(id)).Last(e => e.Type == "ProgrammeBudgeted").Body.GetProperty("budgetUsd").GetDecimal());
    }

    [Fact]
    public async Task An_invalid_activity_lists_every_bad_field()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var requestId = await system.AcceptedRequestAsync(staff, "KEN");
        var id = await ProgrammeBuilder.DraftAsync(staff, requestId);

        var problem = await staff.PostAsJsonAsync($"/api/planning/programmes/{id}/activities", new
        {
            title = "",
            modality = "PICNIC",
            thematicArea = "BORDER-MANAGEMENT",
            plannedStart = "2026-05-02",
            plannedEnd = "2026-05-01",
            place = new { stateCode = "NER", city = "Niamey", online = false },
            plannedParticipants = new { women = -1, men = 3, other = 0 },
            targetInstitutions = new[] { "ARMY" },
            budget = new { experts = -5m, travel = 1.234m },
        }).ShouldBeJson(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "title", "modality", "thematicArea", "plannedEnd", "place.stateCode", "plannedParticipants.women", "targetInstitutions[0]", "budget.experts", "budget.travel" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task A_programme_answers_accepted_requests_of_its_own_States_only()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var nigerRequest = await system.AcceptedRequestAsync(staff, "NER");
        var problem = await staff.PostAsJsonAsync("/api/planning/programmes", new
        {
            title = "Regional",
            objectives = "x",
            scope = "Regional",
            stateCodes = new[] { "KEN" },
            thematicAreas = new[] { "RATIFICATION" },
            requestIds = new[] { nigerRequest, Guid.NewGuid() },
        }).ShouldBeJson(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("at least two", errors.GetProperty("stateCodes")[0].GetString());
        Assert.Contains("NER", errors.GetProperty("requestIds[0]")[0].GetString());
        Assert.Contains("not an accepted request", errors.GetProperty("requestIds[1]")[0].GetString());
    }
}
