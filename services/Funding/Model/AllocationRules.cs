using Programmes.ReferenceData;

namespace Programmes.Funding.Model;

/// <summary>USD drawn from a payment: the direct cost it funds plus the programme support cost on top. Both in cents.</summary>
public readonly record struct Draw(decimal Direct, decimal Support)
{
    public decimal Drawn => Direct + Support;
}

/// <summary>
/// The arithmetic of allocation, without a database: <see cref="Allocator"/> loads the rows, calls these and
/// saves what they changed. Every amount is USD in cents and every split adds up exactly (docs/money.md):
/// support = round(direct × rate), drawn = direct + support, drawn ≤ what the payment has left, and direct ≤ the gap.
/// </summary>
public static class AllocationRules
{
    private const decimal Cent = 0.01m;

    /// <summary>A gap of zero or less is covered; amounts are whole cents, so there is no "almost".</summary>
    public static bool IsCovered(decimal gapUsd) => gapUsd <= 0m;

    /// <summary>
    /// The largest direct cost, at most <paramref name="gapUsd"/>, whose direct + round(direct × rate) fits
    /// <paramref name="availableUsd"/>. direct + round(direct × rate) never decreases as direct grows, so
    /// the first estimate (available ÷ (1 + rate), to the cent) is off by a cent or two at most.
    /// </summary>
    public static Draw DrawFor(decimal gapUsd, decimal availableUsd, decimal supportRate)
    {
        if (gapUsd <= 0m || availableUsd <= 0m)
        {
            return new Draw(0m, 0m);
        }
        var full = Split(gapUsd, supportRate);
        if (full.Drawn <= availableUsd)
        {
            return full;
        }
        var direct = Math.Min(gapUsd, decimal.Round(availableUsd / (1m + supportRate), 2, MidpointRounding.ToZero));
        while (direct > 0m && Split(direct, supportRate).Drawn > availableUsd)
        {
            direct -= Cent;
        }
        while (direct + Cent <= gapUsd && Split(direct + Cent, supportRate).Drawn <= availableUsd)
        {
            direct += Cent;
        }
        return Split(direct, supportRate);
    }

    /// <summary>Direct cost and the support cost charged on it.</summary>
    public static Draw Split(decimal directUsd, decimal supportRate) => new(directUsd, Money.Usd(directUsd * supportRate));

    /// <summary>
    /// What giving back up to <paramref name="excessUsd"/> of direct cost releases from one allocation. The
    /// support cost that stays is the same share of the support as the direct cost that stays, rounded;
    /// the rest is released, so released + kept == what was there, exactly.
    /// </summary>
    public static Draw ReleaseFrom(Allocation allocation, decimal excessUsd)
    {
        var direct = Math.Min(allocation.AmountUsd, Math.Max(0m, excessUsd));
        var keptDirect = allocation.AmountUsd - direct;
        var keptSupport = Math.Min(allocation.SupportCostUsd, Money.UsdShare(allocation.SupportCostUsd, keptDirect, allocation.AmountUsd));
        return new Draw(direct, allocation.SupportCostUsd - keptSupport);
    }

    /// <summary>
    /// Covers as much of the programme's gap as <paramref name="funds"/> allow, best-matching earmark first, then
    /// oldest value date. Updates the payments and the programme and returns the new allocations.
    /// </summary>
    public static List<Allocation> Allocate(BudgetedProgramme programme, IEnumerable<Payment> funds, decimal supportCostRate, DateTimeOffset now)
    {
        var made = new List<Allocation>();
        var candidates = funds
            .Select(payment => (Payment: payment, Rank: Rank(payment.Pledge, programme)))
            .Where(c => c.Rank is not null && c.Payment.AvailableUsd > 0m)
            .OrderBy(c => c.Rank).ThenBy(c => c.Payment.ValueDate).ThenBy(c => c.Payment.ReceivedAt).ThenBy(c => c.Payment.Id)
            .ToList();
        foreach (var (payment, _) in candidates)
        {
            var gap = programme.BudgetUsd - programme.AllocatedUsd;
            if (IsCovered(gap))
            {
                break;
            }
            var donor = payment.Pledge.Donor;
            var draw = DrawFor(gap, payment.AvailableUsd, donor.IsVoluntary ? supportCostRate : 0m);
            if (draw.Direct <= 0m)
            {
                continue;
            }
            var allocation = new Allocation
            {
                Id = Guid.CreateVersion7(now),
                ProgrammeId = programme.ProgrammeId,
                Ordinal = ++programme.AllocationsMade,
                PaymentId = payment.Id,
                Payment = payment,
                DonorId = donor.Id,
                Donor = donor,
                Source = donor.IsVoluntary ? FundingSource.Voluntary : FundingSource.RegularBudget,
                Step = payment.Pledge.Earmarking,
                AmountUsd = draw.Direct,
                SupportCostUsd = draw.Support,
                AllocatedAt = now,
            };
            payment.AllocatedUsd += draw.Drawn;
            programme.AllocatedUsd += draw.Direct;
            programme.SupportCostUsd += draw.Support;
            made.Add(allocation);
        }
        return made;
    }

    /// <summary>
    /// Gives back the newest allocations first until the programme holds no more than its budget. Updates the
    /// allocations, their payments and the programme; returns what each allocation released.
    /// </summary>
    public static List<(Allocation Allocation, Draw Released)> Release(BudgetedProgramme programme, IEnumerable<Allocation> allocations)
    {
        var released = new List<(Allocation, Draw)>();
        foreach (var allocation in allocations.Where(a => a.AmountUsd > 0m).OrderByDescending(a => a.Ordinal))
        {
            var excess = programme.AllocatedUsd - programme.BudgetUsd;
            if (excess <= 0m)
            {
                break;
            }
            var back = ReleaseFrom(allocation, excess);
            allocation.AmountUsd -= back.Direct;
            allocation.SupportCostUsd -= back.Support;
            allocation.ReleasedUsd += back.Direct;
            allocation.Payment.AllocatedUsd -= back.Drawn;
            programme.AllocatedUsd -= back.Direct;
            programme.SupportCostUsd -= back.Support;
            released.Add((allocation, back));
        }
        return released;
    }

    /// <summary>Marks the programme fully funded when allocations first cover its budget; true when that just happened.</summary>
    public static bool Settle(BudgetedProgramme programme)
    {
        if (programme.FullyFunded || !IsCovered(programme.BudgetUsd - programme.AllocatedUsd))
        {
            return false;
        }
        programme.FullyFunded = true;
        return true;
    }

    /// <summary>0 earmarked to the programme, 1 to one of its States, 2 to its thematic area or region, 3 unearmarked; null: not for it.</summary>
    public static int? Rank(Pledge pledge, BudgetedProgramme programme) => pledge.Earmarking switch
    {
        Earmarking.Programme when pledge.EarmarkedTo == programme.ProgrammeId.ToString() => 0,
        Earmarking.State when programme.StateCodes.Contains(pledge.EarmarkedTo!) => 1,
        Earmarking.ThematicArea when programme.ThematicAreas.Contains(pledge.EarmarkedTo!) => 2,
        Earmarking.Region when programme.RegionalGroups.Contains(pledge.EarmarkedTo!) => 2,
        Earmarking.Unearmarked => 3,
        _ => null,
    };
}
