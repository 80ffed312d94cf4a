using Programmes.BadInput.Tests.Corpus;
using Programmes.Testing;

namespace Programmes.BadInput.Tests.Routes;

/// <summary>Partner coordination's write routes with a body.</summary>
public static class CoordinationRoutes
{
    private const string Interests = """{ "thematicAreas": ["BORDER-MANAGEMENT"], "stateCodes": ["KEN"], "regionalGroups": ["African Group"] }""";
    private const string Endpoint = """{ "url": "https://example.org/hooks/programmes", "eventTypes": ["clearance.round.opened", "clearance.round.closed"] }""";

    public static IEnumerable<RouteCase> All =>
    [
        new("POST", "/api/coordination/rounds/{id:guid}/answers", TestClients.Cted, async s =>
            new Target($"/api/coordination/rounds/{(await s.RoundAddressedToCtedAsync()).Round}/answers",
                new Sample("""{ "answer": "ConcurWithComments", "comment": "Coordinate the venue with our regional office." }""", Enums: ["answer"]))),
        new("POST", "/api/coordination/partners", TestClients.Staff, s => Task.FromResult(new Target("/api/coordination/partners", new Sample($$"""
            { "code": "BADINPUT-NEW-{{s.Next()}}", "name": "A new partner", "kind": "Compact member", "interests": {{Interests}} }
            """, Optional: ["interests", "interests.thematicAreas", "interests.stateCodes", "interests.regionalGroups"], Text: ["code"])))),
        new("PUT", "/api/coordination/partners/{code}/interests", TestClients.Staff, async s =>
            new Target($"/api/coordination/partners/{await s.PartnerAsync()}/interests",
                new Sample(Interests, Optional: ["thematicAreas", "stateCodes", "regionalGroups"]))),
        new("POST", "/api/coordination/partners/{code}/endpoints", TestClients.Staff, async s =>
            new Target($"/api/coordination/partners/{await s.PartnerAsync()}/endpoints", new Sample(Endpoint))),
        new("PUT", "/api/coordination/partners/{code}/endpoints/{id:guid}", TestClients.Staff, async s =>
        {
            var (partner, endpoint) = await s.WebhookEndpointAsync();
            return new Target($"/api/coordination/partners/{partner}/endpoints/{endpoint}", new Sample(Endpoint));
        }),
        new("POST", "/api/coordination/partners/{code}/endpoints/{id:guid}/rotate-secret", TestClients.Staff, async s =>
        {
            var (partner, endpoint) = await s.WebhookEndpointAsync();
            return new Target($"/api/coordination/partners/{partner}/endpoints/{endpoint}/rotate-secret",
                new Sample("""{ "graceHours": 24 }""", Optional: ["graceHours"], BodyOptional: true));
        }),
        new("POST", "/api/coordination/referrals", TestClients.Cted, s => Task.FromResult(new Target("/api/coordination/referrals", new Sample($$"""
            {
              "stateCode": "NER", "thematicAreas": ["FOREIGN-TERRORIST-FIGHTERS"], "instruments": ["NUCLEAR-TERRORISM-2005"],
              "recommendation": "Establish a national prosecution strategy for returnees.", "assessmentReference": "CTED/NER/2026-{{s.Next()}}",
              "assessmentDate": "2026-10-15", "stateConsented": false
            }
            """, Optional: ["instruments"])))),
        new("POST", "/api/coordination/activities", TestClients.Cted, _ => Task.FromResult(new Target("/api/coordination/activities", new Sample("""
            {
              "stateCode": "TCD", "thematicArea": "BORDER-MANAGEMENT", "modality": "TRAINING-COURSE", "title": "Border security course",
              "startDate": "2027-08-01", "endDate": "2027-08-05"
            }
            """)))),
        new("PUT", "/api/coordination/activities/{id:guid}", TestClients.Cted, async s =>
            new Target($"/api/coordination/activities/{await s.DeclaredActivityAsync()}", new Sample("""
                {
                  "stateCode": "TCD", "thematicArea": "BORDER-MANAGEMENT", "modality": "TRAINING-COURSE", "title": "Border security course, second edition",
                  "startDate": "2027-08-08", "endDate": "2027-08-12"
                }
                """))),
        new("POST", "/api/coordination/joint-initiatives", TestClients.Staff, async s =>
            new Target("/api/coordination/joint-initiatives", new Sample($$"""
                {
                  "programmeId": "{{(await s.RoundAddressedToCtedAsync()).Programme}}", "title": "Joint support to heritage prosecutors",
                  "partners": [{ "partnerCode": "INTERPOL", "role": "Implementing", "contribution": "Two trainers" }]
                }
                """, Optional: ["partners[].contribution"]))),
    ];
}
