using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Programmes.Funding.Persistence;

namespace Programmes.Funding.Model;

/// <summary>What a pledge's money may pay for: softly earmarked to a thematic area or region, earmarked to a State or programme.</summary>
[Description("How far a donor restricts the use of its pledge (the allocation order: programme first, unearmarked last).")]
public enum Earmarking
{
    [Description("Any programme.")]
    Unearmarked,
    [Description("Programmes of one thematic area (earmarkedTo is its code).")]
    ThematicArea,
    [Description("Programmes in one UN regional group (earmarkedTo names it).")]
    Region,
    [Description("Programmes for one State (earmarkedTo is its ISO alpha-3 code).")]
    State,
    [Description("One programme (earmarkedTo is its id).")]
    Programme,
}

/// <summary>A donor's promise of money; payments settle it in part or in full.</summary>
public sealed class Pledge
{
    public Guid Id { get; init; }
    public Guid DonorId { get; init; }
    public Donor Donor { get; init; } = null!;
    public decimal Amount { get; init; }
    public required string Currency { get; init; }

    /// <summary>At the UN operational rate of the pledge's month; null while that rate is missing.</summary>
    public decimal? AmountUsd { get; set; }
    public DateOnly PledgeDate { get; init; }
    public DateOnly RateMonth { get; init; }
    public required string AgreementReference { get; init; }
    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }
    public Earmarking Earmarking { get; init; }

    /// <summary>Thematic area code, regional group name, ISO alpha-3 State or programme id, per <see cref="Earmarking"/>.</summary>
    public string? EarmarkedTo { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public List<Payment> Payments { get; init; } = [];

    public string EarmarkingLevel => Earmarking switch
    {
        Earmarking.Unearmarked => "Unearmarked",
        Earmarking.ThematicArea or Earmarking.Region => "SoftlyEarmarked",
        _ => "Earmarked",
    };
}

internal sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> pledge)
    {
        pledge.ToTable("pledges");
        pledge.Property(p => p.Currency).HasMaxLength(3);
        pledge.Property(p => p.Amount).IsAmountInCurrency();
        pledge.Property(p => p.AmountUsd).IsUsd();
        pledge.Property(p => p.AgreementReference).HasMaxLength(100);
        pledge.Property(p => p.Earmarking).HasConversion<string>().HasMaxLength(40);
        pledge.Property(p => p.EarmarkedTo).HasMaxLength(100);
        pledge.Ignore(p => p.EarmarkingLevel);
        pledge.HasOne(p => p.Donor).WithMany().HasForeignKey(p => p.DonorId).OnDelete(DeleteBehavior.Restrict);
        pledge.HasIndex(p => new { p.DonorId, p.PledgeDate });
        pledge.HasIndex(p => new { p.Currency, p.RateMonth }).HasFilter("amount_usd IS NULL");
    }
}
