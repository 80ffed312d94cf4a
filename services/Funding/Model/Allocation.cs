using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Programmes.Funding.Persistence;

namespace Programmes.Funding.Model;

[Description("Where allocated money comes from.")]
public enum FundingSource
{
    [Description("A voluntary contribution: carries 13% programme support cost.")]
    Voluntary,
    [Description("The UN regular budget: no programme support cost.")]
    RegularBudget,
}

/// <summary>Part of one payment assigned to one programme. A budget decrease gives some or all of it back.</summary>
public sealed class Allocation
{
    public Guid Id { get; init; }
    public Guid ProgrammeId { get; init; }

    /// <summary>1 for the programme's first allocation, 2 for the next...</summary>
    public int Ordinal { get; init; }
    public Guid PaymentId { get; init; }
    public Payment Payment { get; init; } = null!;
    public Guid DonorId { get; init; }
    public Donor Donor { get; init; } = null!;
    public FundingSource Source { get; init; }

    /// <summary>Which rule matched: the pledge's earmarking (Programme, State, ThematicArea, Region, Unearmarked).</summary>
    public Earmarking Step { get; init; }

    /// <summary>Direct cost funded, still allocated.</summary>
    public decimal AmountUsd { get; set; }
    public decimal SupportCostUsd { get; set; }
    public decimal ReleasedUsd { get; set; }
    public DateTimeOffset AllocatedAt { get; init; }
}

internal sealed class AllocationConfiguration : IEntityTypeConfiguration<Allocation>
{
    public void Configure(EntityTypeBuilder<Allocation> allocation)
    {
        allocation.ToTable("allocations");
        allocation.Property(a => a.AmountUsd).IsUsd();
        allocation.Property(a => a.SupportCostUsd).IsUsd();
        allocation.Property(a => a.ReleasedUsd).IsUsd();
        allocation.Property(a => a.Source).HasConversion<string>().HasMaxLength(40);
        allocation.Property(a => a.Step).HasConversion<string>().HasMaxLength(40);
        allocation.HasOne(a => a.Payment).WithMany().HasForeignKey(a => a.PaymentId).OnDelete(DeleteBehavior.Restrict);
        allocation.HasOne(a => a.Donor).WithMany().HasForeignKey(a => a.DonorId).OnDelete(DeleteBehavior.Restrict);
        allocation.HasOne<BudgetedProgramme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        allocation.HasIndex(a => new { a.ProgrammeId, a.Ordinal }).IsUnique();
        allocation.HasIndex(a => a.DonorId);
    }
}
