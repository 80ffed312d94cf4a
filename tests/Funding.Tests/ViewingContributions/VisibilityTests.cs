using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.Funding.Tests.ViewingContributions;

/// <summary>A donor acts only for its own record: another donor's contributions read as not found.</summary>
public sealed class VisibilityTests(FundingSystem system) : IClassFixture<FundingSystem>
{
    [Fact]
    public async Task A_donor_reading_another_donors_pledge_gets_404()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        var japanId = await system.DonorAsync("DONOR-JPN", "Japan");
        using var norway = await system.ClientAsync(TestClients.DonorNorway);
        using var japan = await system.ClientAsync(TestClients.DonorJapan);
        using var staff = await system.ClientAsync(TestClients.Staff);
        var pledge = await japan.PledgeAsync(1_000_000m, "USD", "2026-01-15");

        await norway.GetAsync($"/api/funding/pledges/{pledge.Id()}").ShouldBe(HttpStatusCode.NotFound);
        await norway.GetAsync($"/api/funding/donors/{japanId}/statement").ShouldBe(HttpStatusCode.NotFound);
        await norway.GetAsync($"/api/funding/donors/{japanId}").ShouldBe(HttpStatusCode.NotFound);
        await norway.PostWithKeyAsync($"/api/funding/pledges/{pledge.Id()}/payments", new { amount = 1m, currency = "USD", valueDate = "2026-02-01", bankReference = "X" })
            .ShouldBe(HttpStatusCode.NotFound);
        await norway.PostWithKeyAsync("/api/funding/pledges", new { donorId = japanId, amount = 1m, currency = "USD", pledgeDate = "2026-02-01", agreementReference = "X", earmarking = "Unearmarked" })
            .ShouldBe(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await norway.GetItemsAsync("/api/funding/pledges"))!, p => p.Id() == pledge.Id());

        await japan.GetAsync($"/api/funding/pledges/{pledge.Id()}").ShouldBe(HttpStatusCode.OK);
        await staff.GetAsync($"/api/funding/pledges/{pledge.Id()}").ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_staff_register_donors_and_a_donor_sees_only_its_own_record()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        await system.DonorAsync("DONOR-JPN", "Japan");
        using var norway = await system.ClientAsync(TestClients.DonorNorway);

        await norway.PostWithKeyAsync("/api/funding/donors", new { code = "DONOR-XYZ", name = "X", kind = "Private" }).ShouldBe(HttpStatusCode.Forbidden);
        var donors = await norway.GetItemsAsync("/api/funding/donors");

        Assert.Equal("DONOR-NOR", Assert.Single(donors!).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Staff_register_a_donor_with_identifiers_contact_and_agreements_and_every_bad_field_is_named()
    {
        using var staff = await system.ClientAsync(TestClients.Staff);

        var donor = await staff.PostWithKeyAsync("/api/funding/donors", new
        {
            code = "DONOR-EU",
            name = "European Union",
            kind = "Intergovernmental",
            iatiIdentifier = "XI-IATI-EC_INTPA",
            contact = new { name = "Desk officer", email = "desk@example.eu" },
            agreementReferences = new[] { "CT-2026/001" },
        }).ShouldBeJson(HttpStatusCode.Created);
        var problem = await staff.PostWithKeyAsync("/api/funding/donors", new { code = "bad code", kind = "MemberState", stateCode = "XYZ", contact = new { email = "nope" } })
            .ShouldBeJson(HttpStatusCode.BadRequest);

        Assert.Equal("XI-IATI-EC_INTPA", donor.GetProperty("iatiIdentifier").GetString());
        Assert.Equal("CT-2026/001", donor.GetProperty("agreementReferences")[0].GetString());
        var errors = problem.GetProperty("errors");
        Assert.All(new[] { "code", "name", "stateCode", "contact.email" }, field => Assert.True(errors.TryGetProperty(field, out _), field));
        await staff.PostWithKeyAsync("/api/funding/donors", new { code = "DONOR-EU", name = "Again", kind = "Private" }).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_payment_beyond_the_pledge_and_its_tolerance_is_rejected()
    {
        await system.DonorAsync("DONOR-NOR", "Norway");
        using var norway = await system.ClientAsync(TestClients.DonorNorway);
        var pledge = await norway.PledgeAsync(100_000m, "EUR", "2026-01-15");
        await norway.PayAsync(pledge.Id(), 60_000m, "EUR", "2026-02-01");

        // 40,000 is left; 1% of the pledge (1,000) covers bank charges and exchange differences.
        await norway.PostWithKeyAsync($"/api/funding/pledges/{pledge.Id()}/payments", new { amount = 41_000.01m, currency = "EUR", valueDate = "2026-03-01", bankReference = "B-2" })
            .ShouldBe(HttpStatusCode.Conflict);
        await norway.PostWithKeyAsync($"/api/funding/pledges/{pledge.Id()}/payments", new { amount = 40_000m, currency = "NOK", valueDate = "2026-03-01", bankReference = "B-2" })
            .ShouldBe(HttpStatusCode.BadRequest);
        await norway.PayAsync(pledge.Id(), 40_900m, "EUR", "2026-03-01");

        var read = await norway.GetFromJsonAsync<JsonElement>($"/api/funding/pledges/{pledge.Id()}");
        Assert.Equal(100_900m, read.Decimal("paid"));
        Assert.Equal(0m, read.Decimal("outstanding"));
        Assert.Equal(2, read.GetProperty("payments").GetArrayLength());
    }

    [Fact]
    public async Task In_kind_services_are_disclosed_but_not_counted_as_cash()
    {
        var norwayId = await system.DonorAsync("DONOR-NOR", "Norway");
        using var norway = await system.ClientAsync(TestClients.DonorNorway);

        var services = await norway.PostWithKeyAsync("/api/funding/in-kind", new
        {
            kind = "Services",
            description = "Two prosecutors seconded for a mock trial",
            estimatedValue = 12_000m,
            currency = "USD",
            contributionDate = "2026-02-10",
            thematicArea = "INVESTIGATION-PROSECUTION",
        }).ShouldBeJson(HttpStatusCode.Created);

        Assert.False(services.GetProperty("countedAsCash").GetBoolean());
        var statement = await norway.GetFromJsonAsync<JsonElement>($"/api/funding/donors/{norwayId}/statement");
        Assert.True(statement.GetProperty("inKind").Decimal("servicesDisclosedUsd") >= 12_000m);
        Assert.Single(await system.OutboxAsync<InKindContributionRecorded>(), e => e.GetProperty("contributionId").GetGuid() == services.Id());
    }
}
