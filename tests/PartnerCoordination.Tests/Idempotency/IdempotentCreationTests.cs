using System.Net;
using System.Net.Http.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.PartnerCoordination.Tests.Idempotency;

/// <summary>Every POST that creates a record takes an optional Idempotency-Key: a retry with it creates nothing new.</summary>
[Collection("coordination")]
public sealed class IdempotentCreationTests(CoordinationSystem system)
{
    [Fact]
    public async Task Registering_a_partner()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var code = NewPartnerCode();
        await staff.ShouldBeIdempotentAsync(system, "coordination", "partners", "/api/coordination/partners",
            new { code, name = "Retried partner", kind = "Compact member" },
            new { code, name = "Another name", kind = "Compact member" });
    }

    [Fact]
    public async Task Adding_a_webhook_endpoint()
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        // A partner of its own, so that no other test's events are sent to this endpoint.
        var code = NewPartnerCode();
        await staff.PostAsJsonAsync("/api/coordination/partners", new { code, name = "Endpoint owner", kind = "Compact member" })
            .ShouldBe(HttpStatusCode.Created);
        await staff.ShouldBeIdempotentAsync(system, "coordination", "webhook_endpoints", $"/api/coordination/partners/{code}/endpoints",
            new { url = "https://hooks.example.org/retried", eventTypes = new[] { "clearance.round.opened" } },
            new { url = "https://hooks.example.org/other", eventTypes = new[] { "clearance.round.opened" } });
    }

    [Fact]
    public async Task Referring_needs()
    {
        var cted = await system.ClientAsync(TestClients.Cted);
        object Referral(string reference) => new
        {
            stateCode = "NER",
            thematicAreas = new[] { "FOREIGN-TERRORIST-FIGHTERS" },
            recommendation = "Establish a national prosecution strategy for returnees.",
            assessmentReference = reference,
            assessmentDate = "2026-10-15",
            stateConsented = true,
        };
        await cted.ShouldBeIdempotentAsync(system, "coordination", "cted_referrals", "/api/coordination/referrals",
            Referral("CTED/NER/retried"), Referral("CTED/NER/other"));
    }

    [Fact]
    public async Task Declaring_an_activity()
    {
        var interpol = await system.ClientAsync(TestClients.Interpol);
        object Activity(string title) => new
        {
            stateCode = "KEN",
            thematicArea = "BORDER-MANAGEMENT",
            modality = "TRAINING-COURSE",
            title,
            startDate = "2027-09-06",
            endDate = "2027-09-10",
        };
        await interpol.ShouldBeIdempotentAsync(system, "coordination", "declared_activities", "/api/coordination/activities",
            Activity("Retried border course"), Activity("Another border course"));
    }

    [Fact]
    public async Task Recording_a_joint_initiative()
    {
        var programme = Proposals.Proposed("NER", "VICTIMS-OF-TERRORISM", new DateOnly(2027, 11, 1), new DateOnly(2027, 11, 5));
        await system.ProposeAsync(programme);
        await system.RoundOfAsync(programme.ProgrammeId);
        var staff = await system.ClientAsync(TestClients.Staff);
        object Initiative(string title) => new
        {
            programmeId = programme.ProgrammeId,
            title,
            partners = new[] { new { partnerCode = "INTERPOL", role = "Implementing" } },
        };
        await staff.ShouldBeIdempotentAsync(system, "coordination", "joint_initiatives", "/api/coordination/joint-initiatives",
            Initiative("Retried initiative"), Initiative("Another initiative"));
    }

    // Sorted after the reference partners, so that a listing of them is not pushed onto a second page.
    private static string NewPartnerCode() => $"ZZ-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
}
