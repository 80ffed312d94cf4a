using System.Globalization;
using System.Xml.Linq;
using CsCheck;
using Programmes.ProgrammePlanning.ExportingIati;
using Programmes.ProgrammePlanning.FundingProgramme;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.Tests.ExportingIati;
using Programmes.ReferenceData;
using Xunit;

namespace Programmes.UnitTests.ProgrammePlanning;

/// <summary>
/// The IATI 2.03 builder on its own, without a database: for arbitrary programmes the document is valid against
/// the vendored schema, and its numbers add up to the facts they come from.
/// </summary>
public sealed class IatiExportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_export_is_schema_valid_and_its_shares_budgets_and_transactions_add_up_to_the_facts()
    {
        IatiProgrammes.Case.Array[1, 3].Sample(cases =>
        {
            var xml = Write(cases).ToString();
            var document = XDocument.Parse(xml);
            Assert.Empty(IatiSchemas.Validate(document));
            var activities = document.Root!.Elements("iati-activity").ToList();
            Assert.Equal(cases.Length, activities.Count);
            foreach (var (c, activity) in cases.Zip(activities))
            {
                AddsUp(c, activity);
            }
        }, iter: Properties.Iterations);
    }

    private static void AddsUp(IatiCase c, XElement activity)
    {
        var p = c.Programme;
        Assert.Equal($"{IatiCodes.Unodc}-{p.Id}", activity.Element("iati-identifier")!.Value);
        Assert.Equal(p.Title, activity.Element("title")!.Element("narrative")!.Value);
        Assert.Equal(100m, activity.Elements("sector").Sum(Percentage));
        if (p.Scope == ProgrammeScope.Regional)
        {
            Assert.Equal(100m, activity.Elements("recipient-region").Sum(Percentage));
        }
        Assert.Equal(p.Activities.Sum(a => a.BudgetUsd), activity.Elements("budget").Sum(b => Value(b.Element("value")!)));

        var transactions = activity.Elements("transaction").Select(t => (Type: t.Element("transaction-type")!.Attribute("code")!.Value,
            Currency: t.Element("value")!.Attribute("currency")!.Value, Value: Value(t.Element("value")!))).ToList();
        decimal Sum(string type, string currency) => transactions.Where(t => t.Type == type && t.Currency == currency).Sum(t => t.Value);

        // A donor's own facts, in its currency; an allocation, in USD, only when the payment it came from is not reported already.
        var reported = c.Contributions.Where(x => x.Kind == DonorContributionKind.Payment).Select(x => x.Id).ToHashSet();
        var allocations = c.Movements.Where(m => m.Kind == FundingMovementKind.Allocated).ToDictionary(m => m.AllocationId);
        var unreported = c.Movements.Where(m => allocations[m.AllocationId].PaymentId is not { } paid || !reported.Contains(paid))
            .Select(m => (allocations[m.AllocationId].PaymentId, Amount: m.Kind == FundingMovementKind.Allocated ? m.AmountUsd : -m.AmountUsd)).ToList();
        foreach (var currency in IatiProgrammes.Currencies)
        {
            decimal Contributed(DonorContributionKind kind) => c.Contributions.Where(x => x.Kind == kind && x.Currency == currency).Sum(x => x.Amount);
            var usd = currency == Money.UsdCode;
            Assert.Equal(Contributed(DonorContributionKind.Pledge) + (usd ? unreported.Sum(u => u.Amount) : 0), Sum(IatiCodes.IncomingCommitment, currency));
            Assert.Equal(Contributed(DonorContributionKind.Payment) + (usd ? unreported.Where(u => u.PaymentId is not null).Sum(u => u.Amount) : 0),
                Sum(IatiCodes.IncomingFunds, currency));
        }

        var committed = p.ApprovedAt is not null && p.Status is not (ProgrammeStatus.Draft or ProgrammeStatus.Proposed);
        Assert.Equal(committed ? [p.BudgetUsd] : [], transactions.Where(t => t.Type == IatiCodes.OutgoingCommitment).Select(t => t.Value));
        // What a delivered activity cost is told once: disbursed to partners, and spent by UNODC for the rest.
        Assert.Equal(p.Activities.Where(a => a.IsDelivered).Sum(a => a.SpentUsd ?? a.BudgetUsd),
            Sum(IatiCodes.Disbursement, Money.UsdCode) + Sum(IatiCodes.Expenditure, Money.UsdCode));
        Assert.All(transactions, t => Assert.Equal(Money.Round(t.Currency, t.Value), t.Value));
    }

    [Fact]
    public void Shares_of_a_hundred_take_their_rounding_in_the_last_one()
    {
        var p = Programme(ProgrammeScope.Regional, ["KEN", "FRA", "BRA"], ProgrammeStatus.Proposed);
        var regions = Write([new IatiCase(p, [], [])]).Root!.Element("iati-activity")!.Elements("recipient-region").ToList();
        Assert.Equal(["33.33", "33.33", "33.34"], regions.Select(r => r.Attribute("percentage")!.Value));
        Assert.Equal(["298", "498", "89"], regions.Select(r => r.Attribute("code")!.Value));
    }

    [Fact]
    public void A_national_programme_names_its_country_by_its_two_letter_code()
    {
        var p = Programme(ProgrammeScope.National, ["KEN"], ProgrammeStatus.Approved);
        var country = Write([new IatiCase(p, [], [])]).Root!.Element("iati-activity")!.Element("recipient-country")!;
        Assert.Equal("KE", country.Attribute("code")!.Value);
        Assert.Equal("100", country.Attribute("percentage")!.Value);
    }

    [Fact]
    public void Amounts_are_written_at_their_currency_minor_units()
    {
        var p = Programme(ProgrammeScope.National, ["KEN"], ProgrammeStatus.Approved);
        var pledge = Guid.NewGuid();
        var contributions = new List<DonorContribution>
        {
            new() { Id = pledge, PledgeId = pledge, Kind = DonorContributionKind.Pledge, DonorName = "Japan", ProgrammeId = p.Id, Currency = "JPY", Amount = 1_000_000m, Date = new(2026, 1, 1) },
            new() { Id = Guid.NewGuid(), PledgeId = pledge, Kind = DonorContributionKind.Payment, Currency = "JPY", Amount = 250_000m, Date = new(2026, 2, 1) },
        };
        var values = Write([new IatiCase(p, [], contributions)]).Descendants("transaction").Select(t => t.Element("value")!.Value);
        Assert.Equal(["1000000", "250000"], values);
    }

    [Theory]
    [InlineData(ProgrammeStatus.Proposed, "1")]
    [InlineData(ProgrammeStatus.Approved, "2")]
    [InlineData(ProgrammeStatus.InDelivery, "2")]
    [InlineData(ProgrammeStatus.Completed, "3")]
    [InlineData(ProgrammeStatus.Cancelled, "5")]
    [InlineData(ProgrammeStatus.Suspended, "6")]
    public void Statuses_map_onto_the_IATI_activity_status_codelist(ProgrammeStatus status, string code) =>
        Assert.Equal(code, IatiCodes.ActivityStatus(status));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "1")]
    [InlineData(2, "1")]
    [InlineData(3, "2")]
    public void The_gender_marker_maps_onto_policy_marker_significance(int marker, string significance) =>
        Assert.Equal(significance, IatiCodes.GenderSignificance(marker));

    private static XDocument Write(IatiCase[] cases) =>
        IatiExport.Write(cases.Select(c => c.Programme), cases.SelectMany(c => c.Movements).ToLookup(m => m.ProgrammeId),
            cases.SelectMany(c => c.Contributions.Select(x => (c.Programme.Id, x))).ToLookup(x => x.Id, x => x.x), Now);

    private static Programme Programme(ProgrammeScope scope, List<string> states, ProgrammeStatus status) => new()
    {
        Id = Guid.NewGuid(),
        Title = "Countering the financing of terrorism",
        Objectives = "Laws and practice",
        Scope = scope,
        StateCodes = states,
        ThematicAreas = ["RATIFICATION"],
        Status = status,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    private static decimal Percentage(XElement e) => decimal.Parse(e.Attribute("percentage")!.Value, CultureInfo.InvariantCulture);

    private static decimal Value(XElement value) => decimal.Parse(value.Value, CultureInfo.InvariantCulture);
}
