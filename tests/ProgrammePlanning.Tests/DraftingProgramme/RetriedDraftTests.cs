using System.Net;
using System.Net.Http.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.ProgrammePlanning.Tests.DraftingProgramme;

/// <summary>A staff tool that lost the answer to a draft retries it without drafting a second programme.</summary>
public sealed class RetriedDraftTests(PlanningSystem system) : IClassFixture<PlanningSystem>
{
    [Fact]
    public async Task A_draft_retried_with_its_Idempotency_Key_is_one_programme()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var requestId = await system.AcceptedRequestAsync(staff, "KEN", "RATIFICATION");
        var draft = new
        {
            title = $"Kenya: ratification ({requestId})",
            objectives = "Ratify the 1997 Bombings Convention.",
            scope = "National",
            stateCodes = new[] { "KEN" },
            thematicAreas = new[] { "RATIFICATION" },
            requestIds = new[] { requestId },
            activities = new[] { ProgrammeBuilder.Activity("KEN") },
        };
        var key = $"draft-{requestId}";

        var first = await staff.PostWithKeyAsync("/api/planning/programmes", draft, key).ShouldBeJson(HttpStatusCode.Created);
        var retried = await staff.PostWithKeyAsync("/api/planning/programmes", draft, key).ShouldBeJson(HttpStatusCode.Created);
        // The same key with another body is a client error, not a second draft.
        await staff.PostWithKeyAsync("/api/planning/programmes", new
        {
            draft.title,
            draft.objectives,
            scope = "Regional",
            draft.stateCodes,
            draft.thematicAreas,
            draft.requestIds,
            draft.activities
        }, key).ShouldBe(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(first.GetProperty("id").GetGuid(), retried.GetProperty("id").GetGuid());
        var list = await staff.GetAsync("/api/planning/programmes?stateCode=KEN").ShouldBeJson(HttpStatusCode.OK);
        Assert.Single(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("title").GetString() == draft.title);
        // Without a key every POST is a new draft.
        await staff.PostAsJsonAsync("/api/planning/programmes", draft).ShouldBe(HttpStatusCode.Created);
    }
}
