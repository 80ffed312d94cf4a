using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Programmes.Contracts;
using Programmes.ReferenceData;
using Programmes.Testing;
using Xunit;

namespace Programmes.ProgrammePlanning.Tests.ExportingIati;

public sealed class IatiExportTests(PlanningSystem system) : IClassFixture<PlanningSystem>
{
    // IATI 2.03 codelists (iatistandard.org/en/iati-standard/203/codelists), the values this export may use.
    private static readonly HashSet<string> ActivityStatus = ["1", "2", "3", "4", "5", "6"];
    private static readonly HashSet<string> OrganisationRole = ["1", "2", "3", "4"];
    private static readonly HashSet<string> OrganisationType = ["10", "11", "15", "21", "22", "23", "24", "30", "31", "40", "60", "70", "71", "72", "73", "80", "90"];
    private static readonly HashSet<string> ActivityDateType = ["1", "2", "3", "4"];
    private static readonly HashSet<string> TransactionType = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"];
    private static readonly HashSet<string> BudgetType = ["1", "2"];
    private static readonly HashSet<string> BudgetStatus = ["1", "2"];
    private static readonly HashSet<string> DescriptionType = ["1", "2", "3", "4"];
    private static readonly HashSet<string> PolicySignificance = ["0", "1", "2", "3", "4"];
    private static readonly HashSet<string> DacRegion = ["89", "189", "289", "298", "389", "489", "498", "589", "619", "679", "689", "789", "798", "889", "998"];
    private static readonly HashSet<string> DacSector = ["15110", "15111", "15112", "15113", "15114", "15130", "15150", "15160", "15170", "15180", "15190", "15210", "15220", "15230", "15240", "15250", "15261"];

    [Fact]
    public async Task The_export_validates_against_the_IATI_203_schema_and_codelists()
    {
        var schemaDirectory = IatiSchemas.Directory();
        var staff = await system.ClientAsync(TestClients.Staff);
        var national = await system.ApprovedProgrammeAsync(staff, "KEN");
        var donor = Guid.NewGuid();
        var allocation = Guid.NewGuid();
        await system.PublishAsync(new FundsAllocated(allocation, national, donor, "Norway", "VOLUNTARY", 50_000m, 6_500m, DateTimeOffset.Parse("2026-02-01T00:00:00Z", CultureInfo.InvariantCulture), PaymentId: Guid.NewGuid()));
        await system.PublishAsync(new FundsReleased(allocation, national, donor, 10_000m, DateTimeOffset.Parse("2026-04-01T00:00:00Z", CultureInfo.InvariantCulture)));
        // Norway's pledge earmarked to the programme, a payment on it, and an allocation made from that payment: the
        // pledge is the incoming commitment and the payment the incoming funds, in euros; the allocation is not
        // reported again. A pledge to another programme is not this one's.
        var pledge = Guid.NewGuid();
        var payment = Guid.NewGuid();
        var fromPayment = Guid.NewGuid();
        var donorFacts = (await system.PublishTrackedAsync([
                new PledgeRecorded(pledge, donor, "Norway", 20_000m, "EUR", 21_600m, "Programme", national.ToString(),
                    new DateOnly(2026, 1, 10), DateTimeOffset.Parse("2026-01-10T09:00:00Z", CultureInfo.InvariantCulture), DonorCode: "DONOR-NOR"),
                new PledgeRecorded(Guid.NewGuid(), donor, "Norway", 1_000m, "EUR", 1_080m, "Programme", Guid.NewGuid().ToString(),
                    new DateOnly(2026, 1, 11), DateTimeOffset.UtcNow, DonorCode: "DONOR-NOR")]))
            .Concat(await system.PublishTrackedAsync([new PaymentReceived(payment, pledge, donor, 12_500.5m, "EUR", 13_500.54m,
                new DateOnly(2026, 1, 20), DateTimeOffset.Parse("2026-01-21T09:00:00Z", CultureInfo.InvariantCulture))]))
            .Concat(await system.PublishTrackedAsync([new FundsAllocated(fromPayment, national, donor, "Norway", "VOLUNTARY", 11_947.38m, 1_553.16m,
                DateTimeOffset.Parse("2026-01-22T00:00:00Z", CultureInfo.InvariantCulture), PaymentId: payment)]))
            .ToArray();
        await system.ConsumedAsync(donorFacts);
        await system.PublishAsync(new JointInitiativeRecorded(Guid.NewGuid(), national, "Joint border workshop", [new JointInitiativePartner("INTERPOL", "co-organiser", "trainers")], DateTimeOffset.UtcNow));
        await ProgrammeBuilder.ChangeStatusAsync(staff, national, "StartDelivery");
        var activityId = (await PlanningSystem.GetProgrammeAsync(staff, national)).GetProperty("activities")[0].GetProperty("id").GetGuid();
        await staff.PostAsJsonAsync($"/api/planning/programmes/{national}/activities/{activityId}/delivery", new
        {
            actualStart = "2026-03-03",
            actualEnd = "2026-03-05",
            participants = new { women = 10, men = 10, other = 0 },
            spentUsd = 17_000m,
            disbursements = new Dictionary<string, decimal> { ["INTERPOL"] = 5_000m },
        }).ShouldBe(HttpStatusCode.OK);
        var regional = await RegionalProposedAsync(staff);
        await ProgrammeBuilder.DraftAsync(staff, await system.AcceptedRequestAsync(staff, "KEN"));

        var iati = await Eventually.GetAsync(async () =>
        {
            var xml = await (await staff.GetAsync("/api/planning/iati/activities").ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync();
            var document = XDocument.Parse(xml);
            var activity = Activity(document, national);
            return activity?.Elements("transaction").Count() == 9 && activity.Elements("participating-org").Count() == 4 ? document : null;
        }, what: "the pledge, payment, allocations, release and joint initiative in the export");

        Assert.Empty(IatiSchemas.Validate(iati));
        AssertCodelists(iati);
        Assert.True(Directory.Exists(schemaDirectory));
        Assert.Equal(2, iati.Root!.Elements("iati-activity").Count());

        var n = Activity(iati, national)!;
        Assert.Equal("XM-DAC-41128", n.Element("reporting-org")!.Attribute("ref")!.Value);
        Assert.Equal("2", n.Element("activity-status")!.Attribute("code")!.Value);
        Assert.Equal("KE", n.Element("recipient-country")!.Attribute("code")!.Value);
        var orgs = n.Elements("participating-org").Select(o => $"{o.Attribute("role")!.Value}:{o.Element("narrative")!.Value}").ToList();
        Assert.Contains("1:Norway", orgs);
        Assert.Contains("2:United Nations Office on Drugs and Crime", orgs);
        Assert.Contains("4:United Nations Office on Drugs and Crime", orgs);
        Assert.Contains($"4:{Reference.Partners["INTERPOL"].Name}", orgs);
        var transactions = n.Elements("transaction").Select(t =>
            $"{t.Element("transaction-type")!.Attribute("code")!.Value}:{t.Element("value")!.Value} {t.Element("value")!.Attribute("currency")!.Value}").ToList();
        // The pledge as incoming commitment and its payment as incoming funds, in the donor's currency; the allocation
        // from another payment and its release as commitment and funds; approval; the delivered activity split into
        // what INTERPOL was passed (disbursement) and what UNODC spent itself (expenditure).
        Assert.Equal(["11:20000.00 EUR", "1:12500.50 EUR", "11:50000.00 USD", "1:50000.00 USD", "11:-10000.00 USD", "1:-10000.00 USD",
            "2:18000.00 USD", "3:5000.00 USD", "4:12000.00 USD"], transactions);
        var incoming = n.Elements("transaction").Where(t => t.Element("transaction-type")!.Attribute("code")!.Value is "1" or "11").ToList();
        Assert.All(incoming, t => Assert.Equal("XM-DAC-41128-DONOR-NOR", t.Element("provider-org")!.Attribute("ref")!.Value));
        Assert.All(incoming, t => Assert.Equal("Norway", t.Element("provider-org")!.Element("narrative")!.Value));
        Assert.All(incoming, t => Assert.Equal("XM-DAC-41128", t.Element("receiver-org")!.Attribute("ref")!.Value));
        Assert.Equal(["2026-01-10", "2026-01-20"], incoming.Take(2).Select(t => t.Element("transaction-date")!.Attribute("iso-date")!.Value));
        Assert.Equal("XM-DAC-41128-DONOR-NOR", n.Elements("participating-org").Single(o => o.Attribute("role")!.Value == "1").Attribute("ref")!.Value);
        var disbursement = n.Elements("transaction").Single(t => t.Element("transaction-type")!.Attribute("code")!.Value == "3");
        Assert.Equal(Reference.Partners["INTERPOL"].Name, disbursement.Element("receiver-org")!.Element("narrative")!.Value);
        Assert.Equal("15130", Assert.Single(n.Elements("sector")).Attribute("code")!.Value);
        Assert.Equal("18000.00", Assert.Single(n.Elements("budget")).Element("value")!.Value);
        Assert.Equal(["1", "2", "3"], n.Elements("activity-date").Select(d => d.Attribute("type")!.Value));

        var r = Activity(iati, regional)!;
        Assert.Equal("1", r.Element("activity-status")!.Attribute("code")!.Value);
        Assert.Empty(r.Elements("recipient-country"));
        Assert.Equal(["298:66.67", "89:33.33"], r.Elements("recipient-region").Select(e => $"{e.Attribute("code")!.Value}:{e.Attribute("percentage")!.Value}"));
        Assert.Equal(["15130:50", "15160:50"], r.Elements("sector").Select(e => $"{e.Attribute("code")!.Value}:{e.Attribute("percentage")!.Value}"));
    }

    private async Task<Guid> RegionalProposedAsync(HttpClient staff)
    {
        var requestId = await system.AcceptedRequestAsync(staff, "NER");
        var created = await staff.PostAsJsonAsync("/api/planning/programmes", new
        {
            title = "Sahel and partners: human-rights-compliant investigations",
            objectives = "Investigators apply human-rights safeguards.",
            scope = "Regional",
            stateCodes = new[] { "NER", "KEN", "FRA" },
            thematicAreas = new[] { "HUMAN-RIGHTS-COMPLIANT-RESPONSES", "INVESTIGATION-PROSECUTION" },
            requestIds = new[] { requestId },
            activities = new[]
            {
                ProgrammeBuilder.Activity("NER", "HUMAN-RIGHTS-COMPLIANT-RESPONSES"),
                ProgrammeBuilder.Activity("KEN", "INVESTIGATION-PROSECUTION"),
            },
        }).ShouldBeJson(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await staff.PutAsJsonAsync($"/api/planning/programmes/{id}/markers", new { genderMarker = 3, childrenConcerned = false }).ShouldBe(HttpStatusCode.OK);
        await ProgrammeBuilder.ProposeAsync(staff, id);
        return id;
    }

    private static XElement? Activity(XDocument document, Guid id) =>
        document.Root!.Elements("iati-activity").SingleOrDefault(a => a.Element("iati-identifier")!.Value == $"XM-DAC-41128-{id}");

    private static void AssertCodelists(XDocument iati)
    {
        var countries = Reference.MemberStates.Values.Select(s => s.Iso2).ToHashSet();
        foreach (var a in iati.Root!.Elements("iati-activity"))
        {
            Assert.Equal("USD", a.Attribute("default-currency")!.Value);
            Assert.Contains(a.Element("activity-status")!.Attribute("code")!.Value, ActivityStatus);
            Assert.All(a.Elements("description"), d => Assert.Contains(d.Attribute("type")!.Value, DescriptionType));
            Assert.All(a.Elements("participating-org"), o =>
            {
                Assert.Contains(o.Attribute("role")!.Value, OrganisationRole);
                if (o.Attribute("type") is { } type)
                {
                    Assert.Contains(type.Value, OrganisationType);
                }
            });
            Assert.All(a.Elements("activity-date"), d => Assert.Contains(d.Attribute("type")!.Value, ActivityDateType));
            Assert.All(a.Elements("recipient-country"), c => Assert.Contains(c.Attribute("code")!.Value, countries));
            Assert.All(a.Elements("recipient-region"), c => Assert.Contains(c.Attribute("code")!.Value, DacRegion));
            Assert.All(a.Elements("sector"), s => Assert.Equal("1", s.Attribute("vocabulary")!.Value));
            Assert.All(a.Elements("sector"), s => Assert.Contains(s.Attribute("code")!.Value, DacSector));
            Assert.All(a.Elements("policy-marker"), p => Assert.Contains(p.Attribute("significance")!.Value, PolicySignificance));
            Assert.All(a.Elements("budget"), b =>
            {
                Assert.Contains(b.Attribute("type")!.Value, BudgetType);
                Assert.Contains(b.Attribute("status")!.Value, BudgetStatus);
            });
            Assert.All(a.Elements("transaction"), t => Assert.Contains(t.Element("transaction-type")!.Attribute("code")!.Value, TransactionType));
            Assert.All(a.Descendants("value"), v => Assert.True(Reference.IsCurrency(v.Attribute("currency")!.Value)));
            Assert.Equal(100m, a.Elements("sector").Sum(s => decimal.Parse(s.Attribute("percentage")!.Value, CultureInfo.InvariantCulture)));
            Assert.Equal(100m, a.Elements("recipient-country").Concat(a.Elements("recipient-region"))
                .Sum(s => decimal.Parse(s.Attribute("percentage")!.Value, CultureInfo.InvariantCulture)));
        }
    }
}
