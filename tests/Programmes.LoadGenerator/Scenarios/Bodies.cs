namespace Programmes.LoadGenerator.Scenarios;

/// <summary>Valid request bodies, varied per operation so no two are alike.</summary>
public static class Bodies
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static object Request(long n, string state) => new
    {
        stateCode = state,
        requestingAuthority = "Office of the Attorney General",
        thematicAreas = new[] { n % 2 == 0 ? "RATIFICATION" : "LEGISLATIVE-INCORPORATION" },
        needs = $"Assistance to ratify the remaining instruments (load {n}).",
        desiredStart = Today.AddDays(60 + (int)(n % 300)).ToString("O"),
    };

    public static object Programme(Guid requestId, string state, decimal experts) => new
    {
        title = "Load: becoming party to the remaining instruments",
        objectives = "Ratify the 1997 Bombings Convention and incorporate it into national law.",
        scope = "National",
        stateCodes = new[] { state },
        thematicAreas = new[] { "RATIFICATION", "LEGISLATIVE-INCORPORATION" },
        instruments = new[] { "TERRORIST-BOMBINGS-1997" },
        requestIds = new[] { requestId },
        activities = new[]
        {
            new
            {
                title = "National workshop on the universal instruments",
                modality = "NATIONAL-WORKSHOP",
                thematicArea = "RATIFICATION",
                plannedStart = Today.AddDays(90).ToString("O"),
                plannedEnd = Today.AddDays(92).ToString("O"),
                place = new { stateCode = state, city = "Nairobi", online = false },
                plannedParticipants = new { women = 12, men = 15, other = 1 },
                targetInstitutions = new[] { "PROSECUTION", "JUDICIARY" },
                budget = new { experts, travel = 0m, venue = 0m, translation = 0m, other = 0m },
            },
        },
    };

    public static object Pledge(long n, decimal amount, string earmarking, string? earmarkedTo) => new
    {
        amount,
        currency = "USD",
        pledgeDate = Today.ToString("O"),
        agreementReference = $"LOAD-{n}",
        earmarking,
        earmarkedTo,
    };
}
