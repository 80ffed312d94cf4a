using Programmes.BadInput.Tests.Corpus;
using Programmes.Testing;

namespace Programmes.BadInput.Tests.Routes;

/// <summary>Funding's write routes with a body (each POST also carries a fresh Idempotency-Key).</summary>
public static class FundingRoutes
{
    private const string DonorDetails = """
        "iatiIdentifier": "XM-DAC-8-1", "contact": { "name": "Desk officer", "email": "desk@example.org" }, "agreementReferences": ["AGR-2026-01"]
        """;

    private static readonly string[] DetailsText = ["iatiIdentifier", "agreementReferences[]"];

    private static readonly string[] DetailsOptional = ["iatiIdentifier", "contact", "contact.name", "contact.email", "agreementReferences"];

    public static IEnumerable<RouteCase> All =>
    [
        new("POST", "/api/funding/donors", TestClients.Staff, s => Task.FromResult(new Target("/api/funding/donors", new Sample($$"""
            { "code": "DONOR-BADINPUT-{{s.Next()}}", "name": "A new donor", "kind": "Intergovernmental", {{DonorDetails}} }
            """, Optional: ["stateCode", .. DetailsOptional], Enums: ["kind"], Text: ["code", .. DetailsText])))),
        new("PUT", "/api/funding/donors/{id:guid}", TestClients.Staff, async s =>
            new Target($"/api/funding/donors/{await s.DonorAsync()}", new Sample($$"""{ "name": "A renamed donor", {{DonorDetails}} }""", Optional: DetailsOptional, Text: DetailsText))),
        new("POST", "/api/funding/pledges", TestClients.Staff, async s => new Target("/api/funding/pledges", new Sample($$"""
            {
              "donorId": "{{await s.DonorAsync()}}", "amount": 250000.50, "currency": "NOK", "pledgeDate": "{{Seeder.Today}}",
              "agreementReference": "AGR-2026-07", "periodStart": "2026-01-01", "periodEnd": "2026-12-31",
              "earmarking": "ThematicArea", "earmarkedTo": "RATIFICATION"
            }
            """, Optional: ["periodStart", "periodEnd"], Enums: ["earmarking"], Text: ["agreementReference"]))),
        new("POST", "/api/funding/pledges/{id:guid}/payments", TestClients.Staff, async s =>
            new Target($"/api/funding/pledges/{await s.PledgeAsync()}/payments", new Sample("""
                { "amount": 100000, "currency": "USD", "valueDate": "2026-02-10", "bankReference": "BANK-2026-0001" }
                """, Text: ["bankReference"]))),
        new("POST", "/api/funding/in-kind", TestClients.Staff, async s => new Target("/api/funding/in-kind", new Sample($$"""
            {
              "donorId": "{{await s.DonorAsync()}}", "kind": "Services", "description": "Two prosecutors seconded for a mock trial",
              "estimatedValue": 12000, "currency": "USD", "contributionDate": "2026-02-10", "thematicArea": "INVESTIGATION-PROSECUTION"
            }
            """, Enums: ["kind"]))),
        new("POST", "/api/funding/exchange-rates", TestClients.Staff, _ =>
            Task.FromResult(new Target("/api/funding/exchange-rates", new Sample("""{ "currency": "NOK", "month": "2026-01", "unitsPerUsd": 10.52 }""")))),
        new("POST", "/api/funding/exchange-rates/bulk", TestClients.Staff, _ =>
            Task.FromResult(new Target("/api/funding/exchange-rates/bulk", new Sample("currency,month,units_per_usd\nJPY,2026-01,150.25\nEUR,2026-01,0.92\n")))),
    ];
}
