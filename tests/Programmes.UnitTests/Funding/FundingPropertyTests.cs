using CsCheck;
using Programmes.Funding.Model;
using Programmes.Funding.ReadingStatements;
using Programmes.ReferenceData;
using Xunit;

namespace Programmes.UnitTests.Funding;

/// <summary>
/// Random worlds (currencies of 0, 2 and 3 decimals, rates, pledges earmarked at every level, partial payments,
/// in-kind, budgets and budget changes) run through the allocation rules; the money invariants hold after every step.
/// </summary>
public sealed class FundingPropertyTests
{
    private static readonly Gen<PledgeSpec> Pledge = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 6], Gen.Long[1, 10_000_000_000], Gen.Enum<Earmarking>(), Gen.Int[0, 7],
        (donor, currency, amount, earmarking, target) => new PledgeSpec(donor, currency, amount, earmarking, target));

    private static readonly Gen<ProgrammeSpec> Programme = Gen.Select(
        Gen.Int[0, FundingModel.States.Length - 1].Select(i => FundingModel.States[i]).Array[1, 3].Select(s => s.Distinct().ToArray()),
        Gen.Int[0, FundingModel.Areas.Length - 1].Select(i => FundingModel.Areas[i]).Array[1, 2].Select(a => a.Distinct().ToArray()),
        (states, areas) => new ProgrammeSpec(states, areas));

    /// <summary>Kind 0 pays, 1 budgets (cents, from 1 dollar to 10 million), 2 records in-kind.</summary>
    private static readonly Gen<StepSpec> Step = Gen.Frequency(
        (5, Gen.Select(Gen.Int[0, 40], Gen.Long[0, 1000], (i, v) => new StepSpec(0, i, v))),
        (3, Gen.Select(Gen.Int[0, 5], Gen.Long[100, 1_000_000_000], (i, v) => new StepSpec(1, i, v))),
        (1, Gen.Select(Gen.Int[0, 6], Gen.Long[1, 100_000_000], (i, v) => new StepSpec(2, i, v))));

    private static readonly Gen<World> Worlds = Gen.Select(
        MoneyPropertyTests.Rate.Array[MoneyPropertyTests.Currencies.Length],
        Pledge.Array[1, 12],
        Programme.Array[1, 5],
        MoneyPropertyTests.SupportRate,
        Step.Array[1, 40],
        (rates, pledges, programmes, psc, steps) => new World(
            MoneyPropertyTests.Currencies.Select((c, i) => (c, c == Money.UsdCode ? 1m : rates[i])).ToList(), pledges, programmes, psc, steps));

    [Fact]
    public void Amounts_stay_exact_allocations_stay_within_receipts_and_budgets_and_sums_match_their_parts()
    {
        Worlds.Sample(world =>
        {
            var model = new FundingModel(world);
            foreach (var step in world.Steps)
            {
                model.Apply(step);
                Invariants(model, world.SupportCostRate);
            }
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void Statement_totals_equal_the_sum_of_their_lines()
    {
        Worlds.Sample(world =>
        {
            var model = new FundingModel(world);
            foreach (var step in world.Steps)
            {
                model.Apply(step);
            }
            foreach (var donor in model.Donors)
            {
                StatementAddsUp(model, donor);
            }
        }, iter: Properties.Iterations);
    }

    private static void Invariants(FundingModel model, decimal supportCostRate)
    {
        foreach (var p in model.Pledges)
        {
            Assert.True(Money.IsExact(p.Currency, p.Amount) && Cents(p.AmountUsd), $"pledge {p.Amount} {p.Currency} = {p.AmountUsd} USD");
        }
        foreach (var c in model.InKind)
        {
            Assert.True(Money.IsExact(c.Currency, c.EstimatedValue) && Cents(c.EstimatedValueUsd), $"in-kind {c.EstimatedValue} {c.Currency}");
        }
        foreach (var payment in model.Payments)
        {
            Assert.True(Money.IsExact(payment.Currency, payment.Amount) && Cents(payment.AmountUsd) && Cents(payment.AllocatedUsd),
                $"payment {payment.Amount} {payment.Currency} = {payment.AmountUsd} USD, {payment.AllocatedUsd} allocated");
            Assert.True(payment.AllocatedUsd <= payment.AmountUsd, $"payment of {payment.AmountUsd} USD drew {payment.AllocatedUsd}");
            Assert.Equal(payment.AllocatedUsd, model.Allocations.Where(a => a.PaymentId == payment.Id).Sum(a => a.AmountUsd + a.SupportCostUsd));
        }
        foreach (var a in model.Allocations)
        {
            Assert.True(Cents(a.AmountUsd) && Cents(a.SupportCostUsd) && Cents(a.ReleasedUsd) && a.AmountUsd >= 0m && a.SupportCostUsd >= 0m,
                $"allocation {a.AmountUsd} + {a.SupportCostUsd} (released {a.ReleasedUsd})");
            Assert.True(a.Source == FundingSource.Voluntary || a.SupportCostUsd == 0m, "no support cost on the regular budget");
        }
        foreach (var programme in model.Programmes)
        {
            var mine = model.Allocations.Where(a => a.ProgrammeId == programme.ProgrammeId).ToList();
            Assert.Equal(programme.AllocatedUsd, mine.Sum(a => a.AmountUsd));
            Assert.Equal(programme.SupportCostUsd, mine.Sum(a => a.SupportCostUsd));
            Assert.True(programme.AllocatedUsd <= programme.BudgetUsd, $"allocated {programme.AllocatedUsd} of a {programme.BudgetUsd} budget");
            Assert.True(programme.SupportCostUsd <= Money.Usd(programme.AllocatedUsd * supportCostRate) + 0.01m * mine.Count,
                $"support {programme.SupportCostUsd} on {programme.AllocatedUsd}");
            Assert.True(Cents(programme.BudgetUsd) && Cents(programme.AllocatedUsd) && Cents(programme.SupportCostUsd));
            Assert.Equal(programme.FullyFunded, AllocationRules.IsCovered(programme.BudgetUsd - programme.AllocatedUsd) || programme.FullyFunded);
        }
        // The gap gauge's sum: whole cents, so it always fits a decimal.
        Assert.True(Cents(model.Programmes.Where(p => p.BudgetUsd > p.AllocatedUsd).Sum(p => p.BudgetUsd - p.AllocatedUsd)));
    }

    private static void StatementAddsUp(FundingModel model, Donor donor)
    {
        var pledges = model.Pledges.Where(p => p.DonorId == donor.Id).ToList();
        var allocations = model.Allocations.Where(a => a.DonorId == donor.Id).ToList();
        var inKind = model.InKind.Where(c => c.DonorId == donor.Id).ToList();
        var statement = ReadingStatementEndpoint.Build(donor, pledges, allocations, inKind, new Dictionary<(string, string), Programmes.Auditing.AuditHistory>());
        var views = pledges.Select(PledgeView.From).ToList();

        Assert.Equal(statement.Usd.Pledged, views.Sum(v => v.AmountUsd ?? 0m));
        Assert.Equal(statement.Usd.Paid, views.SelectMany(v => v.Payments).Sum(v => v.AmountUsd ?? 0m));
        Assert.Equal(statement.Usd.Outstanding, pledges.Sum(ReadingStatementEndpoint.OutstandingUsd));
        Assert.Equal(statement.Usd.Allocated, statement.AllocatedTo.Sum(s => s.AllocatedUsd));
        Assert.Equal(statement.Usd.SupportCost, statement.AllocatedTo.Sum(s => s.SupportCostUsd));
        Assert.Equal(statement.Usd.Unallocated, statement.Usd.Paid - pledges.SelectMany(p => p.Payments).Sum(p => p.AllocatedUsd));
        Assert.True(statement.Usd.Unallocated >= 0m, "a donor's allocations exceed what it paid");
        foreach (var line in statement.ByCurrency)
        {
            var mine = views.Where(v => v.Currency == line.Currency).ToList();
            Assert.Equal(line.Pledged, mine.Sum(v => v.Amount));
            Assert.Equal(line.Paid, mine.Sum(v => v.Paid));
            Assert.Equal(line.Outstanding, mine.Sum(v => v.Outstanding));
        }
        var inKindViews = inKind.Select(InKindView.From).ToList();
        Assert.Equal(statement.InKind.GoodsUsd, inKindViews.Where(v => v.Kind == InKindKind.Goods).Sum(v => v.EstimatedValueUsd ?? 0m));
        Assert.Equal(statement.InKind.ServicesDisclosedUsd, inKindViews.Where(v => v.Kind == InKindKind.Services).Sum(v => v.EstimatedValueUsd ?? 0m));
        Assert.True(Cents(statement.Usd.Pledged) && Cents(statement.Usd.Outstanding) && Cents(statement.Usd.Unallocated));
    }

    private static bool Cents(decimal? usd) => usd is not { } value || Money.Usd(value) == value;
}
