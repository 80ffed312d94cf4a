using Programmes.BadInput.Tests.Corpus;
using Programmes.Testing;

namespace Programmes.BadInput.Tests.Routes;

/// <summary>Request intake's write routes with a body: one valid body each, on freshly seeded objects.</summary>
public static class IntakeRoutes
{
    private const string Authority = $$"""
        {
          "kind": "MutualLegalAssistance", "name": "Central Authority for MLA", "address": "Sheria House, Nairobi",
          "phone": "+254 20 222 7461", "email": "mla@example.org", "languages": ["en", "sw"], "channels": ["Diplomatic", "Interpol"],
          "notes": "Requests in English.", "lastConfirmed": "2026-01-15"
        }
        """;

    private static readonly string[] AuthorityOptional = ["address", "phone", "email", "channels", "notes"];

    public static IEnumerable<RouteCase> All =>
    [
        new("POST", "/api/intake/requests", TestClients.StateKenya, _ => Task.FromResult(new Target("/api/intake/requests", new Sample($$"""
            {
              "stateCode": "KEN", "requestingAuthority": "Office of the Attorney General", "contactPerson": "Focal point",
              "contactEmail": "focal.point@example.org", "contactPhone": "+254 20 000 0000", "thematicAreas": ["RATIFICATION"],
              "instruments": ["AVIATION-TOKYO-1963"], "needs": "Assistance to ratify the remaining instruments.",
              "priorities": "Aviation security first.", "desiredStart": "{{Seeder.InAMonth}}", "desiredEnd": "{{Seeder.InAYear}}",
              "preferredModalities": ["LEGAL-ADVISORY"], "beneficiaryInstitutions": ["Ministry of Justice"]
            }
            """, Optional: ["contactPerson", "contactEmail", "contactPhone", "instruments", "priorities", "desiredStart", "desiredEnd", "preferredModalities", "beneficiaryInstitutions"])))),
        new("POST", "/api/intake/requests/{id:guid}/answers", TestClients.StateKenya, async s =>
            new Target($"/api/intake/requests/{await s.InformationRequestedAsync()}/answers", new Sample("""{ "answer": "The Ministry of Justice leads." }"""))),
        new("POST", "/api/intake/referrals", TestClients.Cted, s => Task.FromResult(new Target("/api/intake/referrals", new Sample($$"""
            {
              "stateCode": "NER", "thematicAreas": ["FOREIGN-TERRORIST-FIGHTERS"], "instruments": ["NUCLEAR-TERRORISM-2005"],
              "recommendation": "Establish a national prosecution strategy for returnees.", "assessmentReference": "CTED/NER/{{s.Next()}}",
              "assessmentDate": "2026-02-01", "stateConsented": true
            }
            """, Optional: ["instruments"])))),
        new("POST", "/api/intake/requests/{id:guid}/decline", TestClients.Staff, async s =>
            new Target($"/api/intake/requests/{await s.SubmittedRequestAsync()}/decline",
                new Sample("""{ "reason": "OutsideMandate", "text": "Drug control only." }""", Optional: ["text"], Enums: ["reason"]))),
        new("POST", "/api/intake/requests/{id:guid}/information-request", TestClients.Staff, async s =>
            new Target($"/api/intake/requests/{await s.SubmittedRequestAsync()}/information-request",
                new Sample("""{ "questions": ["Which ministry leads?", "Which instruments first?"] }"""))),
        new("POST", "/api/intake/requests/{id:guid}/endorse", TestClients.StateKenya, async s =>
            new Target($"/api/intake/requests/{await s.ReferralAwaitingEndorsementAsync()}/endorse", new Sample("""
                {
                  "requestingAuthority": "Office of the Director of Public Prosecutions", "contactPerson": "Focal point",
                  "contactEmail": "focal.point@example.org", "contactPhone": "+254 20 000 0000"
                }
                """, Optional: ["contactPerson", "contactEmail", "contactPhone"]))),
        new("POST", "/api/intake/requests/{id:guid}/decline-referral", TestClients.StateKenya, async s =>
            new Target($"/api/intake/requests/{await s.ReferralAwaitingEndorsementAsync()}/decline-referral",
                new Sample("""{ "comment": "Covered bilaterally." }""", Optional: ["comment"]))),
        new("POST", "/api/intake/central-authorities", TestClients.StateKenya, _ =>
            Task.FromResult(new Target("/api/intake/central-authorities", new Sample(Authority, AuthorityOptional, Enums: ["kind", "channels[]"])))),
        new("PUT", "/api/intake/central-authorities/{id:guid}", TestClients.StateKenya, async s =>
            new Target($"/api/intake/central-authorities/{await s.CentralAuthorityAsync()}", new Sample(Authority, AuthorityOptional, Enums: ["kind", "channels[]"]))),
        new("PUT", "/api/intake/ratifications/{stateCode}/{instrumentCode}", TestClients.Staff, _ =>
            Task.FromResult(new Target("/api/intake/ratifications/FRA/AVIATION-TOKYO-1963",
                new Sample("""{ "status": "Ratified", "signedOn": "2001-05-01", "effectiveOn": "2003-06-01" }""", Optional: ["signedOn"], Enums: ["status"])))),
    ];
}
