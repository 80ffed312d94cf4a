using Programmes.Testing;
using Xunit;

namespace Programmes.RequestIntake.Tests.Idempotency;

/// <summary>Every POST that creates a record takes an optional Idempotency-Key: a retry with it creates nothing new.</summary>
[Collection(IntakeCollection.Name)]
public sealed class IdempotentCreationTests(IntakeSystem system)
{
    [Fact]
    public async Task Registering_a_central_authority()
    {
        var kenya = await system.ClientAsync(TestClients.StateKenya);
        object Authority(string name) => new
        {
            kind = "MutualLegalAssistance",
            name,
            languages = new[] { "en" },
            lastConfirmed = IntakeApi.Today.ToString("yyyy-MM-dd"),
        };
        await kenya.ShouldBeIdempotentAsync(system, "intake", "central_authorities", "/api/intake/central-authorities",
            Authority("Retried authority"), Authority("Another authority"));
    }

    [Fact]
    public async Task Referring_from_CTED()
    {
        var cted = await system.ClientAsync(TestClients.Cted);
        object Referral(string recommendation) => new
        {
            stateCode = "NER",
            thematicAreas = new[] { "CHILDREN" },
            recommendation,
            assessmentReference = $"CTED/ASSESS/2026/{Guid.NewGuid():N}",
            assessmentDate = "2026-02-01",
            stateConsented = false,
        };
        var body = Referral("Juvenile justice.");
        await cted.ShouldBeIdempotentAsync(system, "intake", "assistance_requests", "/api/intake/referrals", body, Referral("Another."));
    }
}
