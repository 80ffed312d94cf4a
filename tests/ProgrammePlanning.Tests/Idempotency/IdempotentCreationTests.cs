using Programmes.Testing;
using Xunit;

namespace Programmes.ProgrammePlanning.Tests.Idempotency;

/// <summary>Every POST that creates a record takes an optional Idempotency-Key: a retry with it creates nothing new.</summary>
public sealed class IdempotentCreationTests(PlanningSystem system) : IClassFixture<PlanningSystem>
{
    [Fact]
    public async Task Adding_an_activity()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var requestId = await system.AcceptedRequestAsync(staff, "KEN", "RATIFICATION");
        var id = await ProgrammeBuilder.DraftAsync(staff, requestId);
        await staff.ShouldBeIdempotentAsync(system, "planning", "activities", $"/api/planning/programmes/{id}/activities",
            ProgrammeBuilder.Activity("KEN", experts: 1_000m), ProgrammeBuilder.Activity("KEN", experts: 2_000m));
    }

    [Fact]
    public async Task Recording_a_result()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var id = await system.ApprovedProgrammeAsync(staff, "NER");
        object Result(string description) => new { kind = "OfficialsTrained", description, stateCode = "NER", count = 12, date = "2026-06-01" };
        await staff.ShouldBeIdempotentAsync(system, "planning", "programme_results", $"/api/planning/programmes/{id}/results",
            Result("Prosecutors trained"), Result("Judges trained"));
    }
}
