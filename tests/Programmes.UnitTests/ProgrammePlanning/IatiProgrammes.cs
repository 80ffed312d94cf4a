using CsCheck;
using Programmes.ProgrammePlanning.FundingProgramme;
using Programmes.ProgrammePlanning.Model;
using Programmes.ReferenceData;

namespace Programmes.UnitTests.ProgrammePlanning;

/// <summary>One programme with the funding facts planning holds about it: what <c>IatiExport.Write</c> reads.</summary>
public sealed record IatiCase(Programme Programme, List<FundingMovement> Movements, List<DonorContribution> Contributions);

/// <summary>
/// Generators of arbitrary programmes as planning stores them: any status and scope, activities planned and
/// delivered (with part of their cost disbursed to partners), allocations and releases, pledges and payments in
/// currencies of every minor unit, text with the characters XML escapes.
/// </summary>
public static class IatiProgrammes
{
    private static readonly DateOnly Day0 = new(2025, 1, 1);
    private static readonly string[] States = [.. Reference.MemberStates.Keys.Order(StringComparer.Ordinal)];
    private static readonly string[] Areas = [.. Reference.ThematicAreas.Keys.Order(StringComparer.Ordinal)];
    private static readonly string[] Partners = [.. Reference.Partners.Keys.Order(StringComparer.Ordinal)];
    public static readonly string[] Currencies = ["USD", "EUR", "JPY", "KWD"];

    private static readonly (Guid Id, string Name, string? Code)[] Donors =
        [(Guid.NewGuid(), "Norway", "DONOR-NOR"), (Guid.NewGuid(), "Japan & Co <fund>", "DONOR-JPN"), (Guid.NewGuid(), "Anonymous", null)];

    private static readonly Gen<string> Text = Gen.String[Gen.Char["abc XYZ<>&\"'é€"], 0, 20].Select(s => "T" + s);
    private static readonly Gen<decimal> Cents = Gen.Int[0, 10_000_000].Select(c => c / 100m);

    private sealed record ActivityShape(int Area, int StartDay, int Length, decimal Experts, decimal Other, bool Delivered, decimal? Spent, int[] Shares);

    private static readonly Gen<ActivityShape> Activity = Gen.Select(
        Gen.Int[0, 2], Gen.Int[0, 1_500], Gen.Int[0, 90], Cents, Cents, Gen.Bool, Cents.Nullable(), Gen.Int[0, 3].Array[0, 3])
        .Select(t => new ActivityShape(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8));

    private sealed record ProgrammeShape(ProgrammeStatus Status, bool National, int[] States, int[] Areas, ActivityShape[] Activities,
        int[] JointPartners, int GenderMarker, string Title, string Objectives);

    private static readonly Gen<ProgrammeShape> Shape = Gen.Select(
        Gen.Enum<ProgrammeStatus>(), Gen.Bool, Gen.Int[0, States.Length - 1].Array[1, 6], Gen.Int[0, Areas.Length - 1].Array[1, 3],
        Activity.Array[0, 5], Gen.Int[0, Partners.Length - 1].Array[0, 2], Gen.Int[-1, 3], Gen.Select(Text, Text))
        .Select(t => new ProgrammeShape(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8.Item1, t.Item8.Item2));

    /// <summary>An allocation: its donor, amount, the share of it released later (tenths), and what it was made from.</summary>
    private sealed record AllocationShape(int Donor, decimal Amount, int ReleasedTenths, int Day, PaymentSource Source);

    private enum PaymentSource { None, ReportedPayment, OtherPayment }

    private static readonly Gen<AllocationShape> Allocation = Gen.Select(
        Gen.Int[0, Donors.Length - 1], Cents, Gen.Int[0, 10], Gen.Int[0, 1_500], Gen.Enum<PaymentSource>(),
        (donor, amount, released, day, source) => new AllocationShape(donor, amount, released, day, source));

    /// <summary>A pledge: donor, currency, amount in the currency's minor units, and its payments' amounts.</summary>
    private sealed record PledgeShape(int Donor, int Currency, long Units, long[] Payments, int Day);

    private static readonly Gen<PledgeShape> Pledge = Gen.Select(
        Gen.Int[0, Donors.Length - 1], Gen.Int[0, Currencies.Length - 1], Gen.Long[0, 1_000_000_000], Gen.Long[0, 100_000_000].Array[0, 3],
        Gen.Int[0, 1_500], (donor, currency, units, payments, day) => new PledgeShape(donor, currency, units, payments, day));

    public static readonly Gen<IatiCase> Case = Gen.Select(Shape, Allocation.Array[0, 5], Pledge.Array[0, 4], Gen.Bool, Build);

    private static IatiCase Build(ProgrammeShape shape, AllocationShape[] allocationShapes, PledgeShape[] pledgeShapes, bool approved)
    {
        var areas = shape.Areas.Select(i => Areas[i]).Distinct().ToList();
        var programme = new Programme
        {
            Id = Guid.NewGuid(),
            Title = shape.Title,
            Objectives = shape.Objectives,
            Scope = shape.National ? ProgrammeScope.National : ProgrammeScope.Regional,
            StateCodes = shape.National ? [States[shape.States[0]]] : [.. shape.States.Select(i => States[i]).Distinct()],
            ThematicAreas = areas,
            JointPartners = [.. shape.JointPartners.Select(i => Partners[i]).Distinct()],
            GenderMarker = shape.GenderMarker < 0 ? null : shape.GenderMarker,
            Status = shape.Status,
            CreatedAt = At(0),
            UpdatedAt = At(2_000),
            ApprovedAt = approved ? At(100) : null,
        };
        foreach (var a in shape.Activities)
        {
            programme.Activities.Add(NewActivity(programme, a, areas[a.Area % areas.Count]));
        }
        programme.RecomputeBudget();

        var contributions = new List<DonorContribution>();
        foreach (var p in pledgeShapes)
        {
            var (donorId, name, code) = Donors[p.Donor];
            var currency = Currencies[p.Currency];
            var pledgeId = Guid.NewGuid();
            contributions.Add(new DonorContribution
            {
                Id = pledgeId,
                PledgeId = pledgeId,
                Kind = DonorContributionKind.Pledge,
                DonorId = donorId,
                DonorName = name,
                DonorCode = code,
                ProgrammeId = programme.Id,
                Currency = currency,
                Amount = Amount(currency, p.Units),
                Date = Day0.AddDays(p.Day),
            });
            contributions.AddRange(p.Payments.Select((units, i) => new DonorContribution
            {
                Id = Guid.NewGuid(),
                Kind = DonorContributionKind.Payment,
                PledgeId = pledgeId,
                DonorId = donorId,
                Currency = currency,
                Amount = Amount(currency, units),
                Date = Day0.AddDays(p.Day + i + 1),
            }));
        }
        var reported = contributions.Where(c => c.Kind == DonorContributionKind.Payment).Select(c => c.Id).ToList();
        var movements = new List<FundingMovement>();
        foreach (var a in allocationShapes)
        {
            var (donorId, name, _) = Donors[a.Donor];
            var at = At(a.Day);
            var allocation = new FundingMovement
            {
                AllocationId = Guid.NewGuid(),
                Kind = FundingMovementKind.Allocated,
                ProgrammeId = programme.Id,
                DonorId = donorId,
                DonorName = name,
                Source = "VOLUNTARY",
                AmountUsd = a.Amount,
                At = at,
                PaymentId = a.Source switch
                {
                    PaymentSource.ReportedPayment when reported.Count > 0 => reported[a.Day % reported.Count],
                    PaymentSource.None => null,
                    _ => Guid.NewGuid(),
                },
            };
            movements.Add(allocation);
            if (a.ReleasedTenths > 0)
            {
                // A release names neither the payment nor the source: the allocation row does.
                movements.Add(new FundingMovement
                {
                    AllocationId = allocation.AllocationId,
                    Kind = FundingMovementKind.Released,
                    ProgrammeId = programme.Id,
                    DonorId = donorId,
                    DonorName = name,
                    AmountUsd = Math.Floor(a.Amount * a.ReleasedTenths * 10m) / 100m,
                    At = at.AddDays(30),
                });
            }
        }
        return new IatiCase(programme, movements, contributions);
    }

    private static Activity NewActivity(Programme programme, ActivityShape a, string area)
    {
        var start = Day0.AddDays(a.StartDay);
        var activity = new Activity
        {
            Id = Guid.NewGuid(),
            ProgrammeId = programme.Id,
            Title = $"Activity {a.StartDay}",
            Modality = "workshop",
            ThematicArea = area,
            StateCode = programme.StateCodes[0],
            PlannedStart = start,
            PlannedEnd = start.AddDays(a.Length),
        };
        activity.SetBudget(a.Experts, 0, 0, 0, a.Other);
        if (a.Delivered)
        {
            activity.DeliveredAt = At(a.StartDay + a.Length);
            activity.ActualStart = activity.PlannedStart;
            activity.ActualEnd = activity.PlannedEnd;
            activity.SpentUsd = a.Spent;
            var cost = a.Spent ?? activity.BudgetUsd;
            // At most nine tenths of the cost goes to partners, rounded down to the cent: the rest is UNODC's expenditure.
            foreach (var (partner, share) in a.Shares.Select((s, i) => (Partners[(a.StartDay + i) % Partners.Length], s)).DistinctBy(d => d.Item1))
            {
                activity.DisbursedUsd[partner] = Math.Floor(cost * share * 10m) / 100m;
            }
        }
        return activity;
    }

    private static DateTimeOffset At(int day) => new(Day0.AddDays(day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>A whole number of minor units as an amount exact in the currency (JPY 0, USD 2, KWD 3 decimals).</summary>
    private static decimal Amount(string currency, long units) => units / (decimal)Math.Pow(10, Money.MinorUnits(currency));
}
