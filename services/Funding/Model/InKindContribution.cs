using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Programmes.Funding.Persistence;

namespace Programmes.Funding.Model;

[Description("What a contribution in kind gives.")]
public enum InKindKind
{
    [Description("Goods.")]
    Goods,

    /// <summary>Disclosed in statements, never counted as cash or revenue.</summary>
    [Description("Services: disclosed in statements, never counted as cash or revenue.")]
    Services,
}

/// <summary>Support given in goods or services rather than money; it is never allocated as funds.</summary>
public sealed class InKindContribution
{
    public Guid Id { get; init; }
    public Guid DonorId { get; init; }
    public Donor Donor { get; init; } = null!;
    public InKindKind Kind { get; init; }
    public required string Description { get; init; }
    public decimal EstimatedValue { get; init; }
    public required string Currency { get; init; }
    public decimal? EstimatedValueUsd { get; set; }
    public DateOnly ContributionDate { get; init; }
    public DateOnly RateMonth { get; init; }
    public Guid? ProgrammeId { get; init; }
    public string? ThematicArea { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

internal sealed class InKindContributionConfiguration : IEntityTypeConfiguration<InKindContribution>
{
    public void Configure(EntityTypeBuilder<InKindContribution> contribution)
    {
        contribution.ToTable("in_kind_contributions");
        contribution.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        contribution.Property(c => c.Description).HasMaxLength(2000);
        contribution.Property(c => c.Currency).HasMaxLength(3);
        contribution.Property(c => c.EstimatedValue).IsAmountInCurrency();
        contribution.Property(c => c.EstimatedValueUsd).IsUsd();
        contribution.Property(c => c.ThematicArea).HasMaxLength(100);
        contribution.HasOne(c => c.Donor).WithMany().HasForeignKey(c => c.DonorId).OnDelete(DeleteBehavior.Restrict);
        contribution.HasIndex(c => c.DonorId);
        contribution.HasIndex(c => new { c.Currency, c.RateMonth }).HasFilter("estimated_value_usd IS NULL");
    }
}
