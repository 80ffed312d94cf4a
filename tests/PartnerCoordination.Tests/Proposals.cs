using Programmes.Contracts;

namespace Programmes.PartnerCoordination.Tests;

/// <summary>Proposed programmes as planning would publish them.</summary>
public static class Proposals
{
    public static ProgrammeProposed Proposed(string state, string area, DateOnly start, DateOnly end, string title = "Strengthening border management") =>
        new(Guid.NewGuid(), title, [state], [area], [Guid.NewGuid()],
            [new PlannedActivity(Guid.NewGuid(), state, area, "NATIONAL-WORKSHOP", start, end, 40_000m)],
            40_000m, DateTimeOffset.UtcNow);
}
