using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Programmes.Funding.Persistence;
using Programmes.ReferenceData;

namespace Programmes.Funding.Model;

/// <summary>Funding's copy of a programme's budget (from ProgrammeBudgeted) and what has been allocated to it.</summary>
public sealed class BudgetedProgramme
{
    public Guid ProgrammeId { get; init; }
    public required List<string> StateCodes { get; set; }
    public required List<string> ThematicAreas { get; set; }
    public decimal BudgetUsd { get; set; }

    /// <summary>Direct cost covered, without programme support cost.</summary>
    public decimal AllocatedUsd { get; set; }
    public decimal SupportCostUsd { get; set; }
    public bool FullyFunded { get; set; }

    /// <summary>Allocations made so far: numbers them, so releases undo the newest first.</summary>
    public int AllocationsMade { get; set; }

    /// <summary>When the latest budget was set; an older ProgrammeBudgeted arriving late changes nothing.</summary>
    public DateTimeOffset BudgetedAt { get; set; }

    /// <summary>Programmes waiting for money are served in the order they were first budgeted.</summary>
    public DateTimeOffset FirstBudgetedAt { get; init; }

    public decimal GapUsd => Math.Max(0m, BudgetUsd - AllocatedUsd);

    /// <summary>The UN regional groups of the programme's States: the targets of region-earmarked funds.</summary>
    public IEnumerable<string> RegionalGroups => StateCodes
        .Select(code => Reference.MemberStates.TryGetValue(code, out var state) ? state.RegionalGroup : null)
        .OfType<string>()
        .Distinct();
}

internal sealed class BudgetedProgrammeConfiguration : IEntityTypeConfiguration<BudgetedProgramme>
{
    public void Configure(EntityTypeBuilder<BudgetedProgramme> programme)
    {
        programme.ToTable("programmes");
        programme.HasKey(p => p.ProgrammeId);
        programme.Property(p => p.BudgetUsd).IsUsd();
        programme.Property(p => p.AllocatedUsd).IsUsd();
        programme.Property(p => p.SupportCostUsd).IsUsd();
        programme.Ignore(p => p.GapUsd);
        programme.Ignore(p => p.RegionalGroups);
        programme.HasIndex(p => p.FirstBudgetedAt).HasFilter("NOT fully_funded");
    }
}
