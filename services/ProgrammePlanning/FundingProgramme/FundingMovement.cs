using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.ProgrammePlanning.FundingProgramme;

public enum FundingMovementKind
{
    Allocated,
    Released,
}

/// <summary>Money funding allocated to a programme, or released from it again: the report's and IATI's source.</summary>
public sealed class FundingMovement
{
    public Guid AllocationId { get; init; }
    public FundingMovementKind Kind { get; init; }
    public Guid ProgrammeId { get; init; }
    public Guid DonorId { get; init; }
    public required string DonorName { get; init; }
    public string? Source { get; init; }

    /// <summary>The donor's payment an allocation was made from: the money has come in (IATI incoming funds). Not set on releases.</summary>
    public Guid? PaymentId { get; init; }
    public decimal AmountUsd { get; init; }
    public decimal SupportCostUsd { get; init; }
    public DateTimeOffset At { get; init; }
}

internal sealed class FundingMovementConfiguration : IEntityTypeConfiguration<FundingMovement>
{
    public void Configure(EntityTypeBuilder<FundingMovement> movement)
    {
        movement.ToTable("funding_movements");
        movement.HasKey(m => new { m.AllocationId, m.Kind });
        movement.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        movement.Property(m => m.DonorName).HasMaxLength(200);
        movement.Property(m => m.Source).HasMaxLength(40);
        // As funding states them, so sums match funding's: whole cents since funding's ExactMoney migration;
        // rows from before it keep the up to 6 decimals funding sent then, so the column keeps its scale.
        movement.Property(m => m.AmountUsd).HasPrecision(20, 6);
        movement.Property(m => m.SupportCostUsd).HasPrecision(20, 6);
        movement.HasIndex(m => m.ProgrammeId);
        movement.HasIndex(m => m.At);
    }
}
