using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.ProgrammePlanning.FundingProgramme;

public enum DonorContributionKind
{
    Pledge,
    Payment,
}

/// <summary>
/// A donor's pledge earmarked to a programme, or a payment on a pledge, as funding published it: the source of
/// IATI's incoming commitments (11) and incoming funds (1). Amounts stay in the donor's currency, exact at its
/// minor units, so the export reports what the donor committed and paid, not planning's USD view of it.
/// </summary>
public sealed class DonorContribution
{
    /// <summary>The pledge's id for a pledge, the payment's id for a payment.</summary>
    public Guid Id { get; init; }
    public DonorContributionKind Kind { get; init; }
    public Guid PledgeId { get; init; }
    public Guid DonorId { get; init; }

    /// <summary>Funding's donor code (e.g. DONOR-NOR); on pledges only, payments take their pledge's.</summary>
    public string? DonorCode { get; init; }
    public string? DonorName { get; init; }

    /// <summary>The programme a pledge is earmarked to; payments take their pledge's.</summary>
    public Guid? ProgrammeId { get; init; }
    public decimal Amount { get; init; }
    public required string Currency { get; init; }

    /// <summary>The pledge date, or the payment's value date.</summary>
    public DateOnly Date { get; init; }
}

internal sealed class DonorContributionConfiguration : IEntityTypeConfiguration<DonorContribution>
{
    public void Configure(EntityTypeBuilder<DonorContribution> contribution)
    {
        contribution.ToTable("donor_contributions");
        contribution.HasKey(c => c.Id);
        contribution.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        contribution.Property(c => c.DonorCode).HasMaxLength(50);
        contribution.Property(c => c.DonorName).HasMaxLength(200);
        contribution.Property(c => c.Currency).HasMaxLength(3);
        // Up to 6 decimals, as funding's validator admits; each currency's amounts are exact at its minor units.
        contribution.Property(c => c.Amount).HasPrecision(20, 6);
        contribution.HasIndex(c => c.ProgrammeId);
        contribution.HasIndex(c => c.PledgeId);
    }
}
