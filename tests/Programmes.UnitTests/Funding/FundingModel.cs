using Programmes.Funding.Model;
using Programmes.ReferenceData;

namespace Programmes.UnitTests.Funding;

/// <summary>One generated world: currencies with their rates, donors, pledges, programmes; what happens to it is a list of steps.</summary>
public sealed record World(IReadOnlyList<(string Currency, decimal UnitsPerUsd)> Rates, IReadOnlyList<PledgeSpec> Pledges,
    IReadOnlyList<ProgrammeSpec> Programmes, decimal SupportCostRate, IReadOnlyList<StepSpec> Steps);

/// <summary>Earmark target index: a programme, a State, a thematic area or region, depending on the earmarking.</summary>
public sealed record PledgeSpec(int Donor, int Currency, long AmountMinor, Earmarking Earmarking, int Target);

public sealed record ProgrammeSpec(string[] States, string[] Areas);

/// <summary>Pay a share (‰ of what is left) of a pledge, set a programme's budget in cents, or record in-kind support.</summary>
public sealed record StepSpec(int Kind, int Index, long Value);

/// <summary>
/// Funding without a database: the same <see cref="AllocationRules"/> the Allocator calls, driven the way the
/// payment handler and the ProgrammeBudgeted consumer drive them.
/// </summary>
public sealed class FundingModel
{
    public static readonly string[] States = ["KEN", "NER", "MLI", "IDN"];
    public static readonly string[] Areas = ["BORDER-MANAGEMENT", "RATIFICATION", "NATIONAL-COORDINATION"];
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public List<Donor> Donors { get; } = [];
    public List<Pledge> Pledges { get; } = [];
    public List<Payment> Payments { get; } = [];
    public List<InKindContribution> InKind { get; } = [];
    public List<BudgetedProgramme> Programmes { get; } = [];
    public List<Allocation> Allocations { get; } = [];
    private readonly World _world;
    private readonly List<Guid> _programmeIds;
    private int _tick;

    public FundingModel(World world)
    {
        _world = world;
        _programmeIds = world.Programmes.Select((_, i) => new Guid(i + 1, 0, 0, new byte[8])).ToList();
        Donors.Add(NewDonor("DONOR-NOR", DonorKind.MemberState));
        Donors.Add(NewDonor("DONOR-JPN", DonorKind.MemberState));
        Donors.Add(NewDonor(Donor.RegularBudgetCode, DonorKind.RegularBudget));
        foreach (var spec in world.Pledges)
        {
            var (currency, rate) = world.Rates[spec.Currency % world.Rates.Count];
            var amount = spec.AmountMinor / Scale(currency);
            var donor = Donors[spec.Donor % Donors.Count];
            var pledge = new Pledge
            {
                Id = Guid.CreateVersion7(Start),
                DonorId = donor.Id,
                Donor = donor,
                Amount = amount,
                Currency = currency,
                AmountUsd = Money.ToUsd(currency, amount, rate),
                AgreementReference = "AGR",
                Earmarking = spec.Earmarking,
                EarmarkedTo = Target(spec.Earmarking, spec.Target),
            };
            Pledges.Add(pledge);
        }
    }

    public static decimal Scale(string currency) => (decimal)Math.Pow(10, Money.MinorUnits(currency));

    public void Apply(StepSpec step)
    {
        var now = Start.AddMinutes(++_tick);
        switch (step.Kind)
        {
            case 0 when Pledges.Count > 0:
                Pay(Pledges[step.Index % Pledges.Count], step.Value, now);
                break;
            case 1:
                Budget(step.Index % _world.Programmes.Count, step.Value / 100m, now);
                break;
            default:
                var (currency, rate) = _world.Rates[step.Index % _world.Rates.Count];
                var value = Math.Max(1, step.Value) / Scale(currency);
                InKind.Add(new InKindContribution
                {
                    Id = Guid.CreateVersion7(now),
                    DonorId = Donors[0].Id,
                    Donor = Donors[0],
                    Kind = step.Value % 2 == 0 ? InKindKind.Goods : InKindKind.Services,
                    Description = "Venue",
                    EstimatedValue = value,
                    Currency = currency,
                    EstimatedValueUsd = Money.ToUsd(currency, value, rate),
                });
                break;
        }
    }

    private void Pay(Pledge pledge, long permille, DateTimeOffset now)
    {
        var scale = Scale(pledge.Currency);
        var outstandingMinor = (long)((pledge.Amount - pledge.Payments.Sum(p => p.Amount)) * scale);
        if (outstandingMinor <= 0)
        {
            return;
        }
        var amount = Math.Clamp(outstandingMinor * (permille % 1001) / 1000, 1, outstandingMinor) / scale;
        var rate = _world.Rates.First(r => r.Currency == pledge.Currency).UnitsPerUsd;
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(now),
            PledgeId = pledge.Id,
            Pledge = pledge,
            DonorId = pledge.DonorId,
            Amount = amount,
            Currency = pledge.Currency,
            AmountUsd = Money.ToUsd(pledge.Currency, amount, rate),
            ValueDate = DateOnly.FromDateTime(now.UtcDateTime),
            BankReference = "BANK",
            ReceivedAt = now,
        };
        pledge.Payments.Add(payment);
        Payments.Add(payment);
        AllocateWaiting(now);
    }

    /// <summary>As ProgrammeBudgetedConsumer: a new programme, a raised budget (gap reopens) or a lowered one (releases, then others served).</summary>
    private void Budget(int index, decimal budgetUsd, DateTimeOffset now)
    {
        var id = _programmeIds[index];
        var programme = Programmes.SingleOrDefault(p => p.ProgrammeId == id);
        if (programme is null)
        {
            programme = new BudgetedProgramme
            {
                ProgrammeId = id,
                StateCodes = [.. _world.Programmes[index].States],
                ThematicAreas = [.. _world.Programmes[index].Areas],
                BudgetUsd = Money.Usd(budgetUsd),
                BudgetedAt = now,
                FirstBudgetedAt = now,
            };
            Programmes.Add(programme);
            Allocate(programme, now);
            return;
        }
        var previous = programme.BudgetUsd;
        programme.BudgetUsd = Money.Usd(budgetUsd);
        if (programme.AllocatedUsd > programme.BudgetUsd)
        {
            AllocationRules.Release(programme, Allocations.Where(a => a.ProgrammeId == id));
            AllocationRules.Settle(programme);
            AllocateWaiting(now);
            return;
        }
        if (programme.FullyFunded && programme.BudgetUsd > previous && !AllocationRules.IsCovered(programme.GapUsd))
        {
            programme.FullyFunded = false;
        }
        Allocate(programme, now);
    }

    private void AllocateWaiting(DateTimeOffset now)
    {
        foreach (var programme in Programmes.Where(p => !p.FullyFunded).OrderBy(p => p.FirstBudgetedAt).ThenBy(p => p.ProgrammeId).ToList())
        {
            Allocate(programme, now);
        }
    }

    private void Allocate(BudgetedProgramme programme, DateTimeOffset now)
    {
        var open = Payments.Where(p => p.AmountUsd != null && p.AllocatedUsd < p.AmountUsd).ToList();
        Allocations.AddRange(AllocationRules.Allocate(programme, open, _world.SupportCostRate, now));
        AllocationRules.Settle(programme);
    }

    private string? Target(Earmarking earmarking, int target) => earmarking switch
    {
        Earmarking.Programme => _programmeIds[target % _programmeIds.Count].ToString(),
        Earmarking.State => States[target % States.Length],
        Earmarking.ThematicArea => Areas[target % Areas.Length],
        Earmarking.Region => Reference.MemberStates[States[target % States.Length]].RegionalGroup,
        _ => null,
    };

    private static Donor NewDonor(string code, DonorKind kind) => new()
    {
        Id = kind == DonorKind.RegularBudget ? Donor.RegularBudgetId : Guid.NewGuid(),
        Code = code,
        Name = code,
        Kind = kind,
        AgreementReferences = [],
    };
}
