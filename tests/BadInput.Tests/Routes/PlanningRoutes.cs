using Programmes.BadInput.Tests.Corpus;
using Programmes.Testing;

namespace Programmes.BadInput.Tests.Routes;

/// <summary>Programme planning's write routes with a body, each on a programme in the state the route needs.</summary>
public static class PlanningRoutes
{
    private const string Delivery = """
        {
          "actualStart": "2026-03-03", "actualEnd": "2026-03-05", "participants": { "women": 14, "men": 10, "other": 1 },
          "participantsByInstitution": { "PROSECUTION": 9, "JUDICIARY": 8, "POLICE": 8 }, "evaluationScore": 4.5, "spentUsd": 17250
        }
        """;

    private static readonly string[] ActivityOptional = ["place.online", "targetInstitutions", "plannedParticipants.*", "budget.*"];

    public static IEnumerable<RouteCase> All =>
    [
        new("POST", "/api/planning/programmes", TestClients.Staff, async s =>
            new Target("/api/planning/programmes", new Sample(Seeder.Programme(await s.AcceptedRequestAsync()),
                Optional: ["instruments", "activities", .. ActivityOptional.Select(o => "activities[]." + o)], Enums: ["scope"]))),
        new("POST", "/api/planning/programmes/{id:guid}/activities", TestClients.Staff, async s =>
            new Target($"/api/planning/programmes/{(await s.DraftProgrammeAsync()).Programme}/activities", new Sample(Seeder.Activity(), ActivityOptional))),
        new("PUT", "/api/planning/programmes/{id:guid}/activities/{activityId:guid}", TestClients.Staff, async s =>
        {
            var (programme, activity) = await s.DraftProgrammeAsync();
            return new Target($"/api/planning/programmes/{programme}/activities/{activity}", new Sample(Seeder.Activity(), ActivityOptional));
        }),
        new("PUT", "/api/planning/programmes/{id:guid}/markers", TestClients.Staff, async s =>
            new Target($"/api/planning/programmes/{(await s.DraftProgrammeAsync()).Programme}/markers",
                new Sample("""{ "genderMarker": 2, "childrenConcerned": true, "childSafeguards": "Child-friendly interviewing; no detention." }"""))),
        new("PUT", "/api/planning/programmes/{id:guid}/compliance-review", TestClients.Staff, async s =>
            new Target($"/api/planning/programmes/{(await s.ProposedProgrammeAsync()).Programme}/compliance-review",
                new Sample("""{ "outcome": "Cleared", "reviewer": "Human-rights adviser", "notes": "No risk identified." }""", Optional: ["notes"], Enums: ["outcome"]))),
        new("POST", "/api/planning/programmes/{id:guid}/clearance-concerns/resolution", TestClients.Staff, async s =>
            new Target($"/api/planning/programmes/{await s.ProgrammeWithOpenConcernsAsync()}/clearance-concerns/resolution",
                new Sample("""{ "decision": "Accept", "note": "The overlap was resolved with CTED." }""", Enums: ["decision"]))),
        new("POST", "/api/planning/programmes/{id:guid}/status-changes", TestClients.Staff, async s =>
            new Target($"/api/planning/programmes/{(await s.ApprovedProgrammeAsync()).Programme}/status-changes",
                new Sample("""{ "action": "StartDelivery", "reason": "Venue confirmed." }""", Optional: ["reason"], Enums: ["action"]))),
        new("POST", "/api/planning/programmes/{id:guid}/activities/{activityId:guid}/delivery", TestClients.Staff, async s =>
        {
            var (programme, activity) = await s.ProgrammeInDeliveryAsync();
            return new Target($"/api/planning/programmes/{programme}/activities/{activity}/delivery",
                new Sample(Delivery, Optional: ["participantsByInstitution", "participantsByInstitution.*", "evaluationScore", "spentUsd"]));
        }),
        new("POST", "/api/planning/programmes/{id:guid}/results", TestClients.Staff, async s =>
            new Target($"/api/planning/programmes/{(await s.ApprovedProgrammeAsync()).Programme}/results", new Sample("""
                {
                  "kind": "LawAmended", "description": "Penal Code amended to criminalise terrorist bombings", "stateCode": "KEN",
                  "instrumentCode": "TERRORIST-BOMBINGS-1997", "date": "2026-06-01"
                }
                """, Optional: ["stateCode", "instrumentCode"], Enums: ["kind"]))),
    ];
}
