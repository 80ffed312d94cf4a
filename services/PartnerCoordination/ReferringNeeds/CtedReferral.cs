using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.PartnerCoordination.ReferringNeeds;

/// <summary>Needs CTED identified in an assessment of a State. Shared with intake only with the State's consent.</summary>
public sealed class CtedReferral
{
    public Guid Id { get; init; }
    public required string StateCode { get; init; }
    public required List<string> ThematicAreas { get; init; }
    public required List<string> Instruments { get; init; }
    public required string Recommendation { get; init; }
    public required string AssessmentReference { get; init; }
    public DateOnly AssessmentDate { get; init; }
    public bool StateConsented { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When it was sent to intake; null while the State has not consented.</summary>
    public DateTimeOffset? SharedAt { get; init; }
}

internal sealed class CtedReferralConfiguration : IEntityTypeConfiguration<CtedReferral>
{
    public void Configure(EntityTypeBuilder<CtedReferral> referral)
    {
        referral.ToTable("cted_referrals");
        referral.Property(r => r.StateCode).HasMaxLength(3);
        referral.Property(r => r.Recommendation).HasMaxLength(8000);
        referral.Property(r => r.AssessmentReference).HasMaxLength(200);
        referral.HasIndex(r => new { r.StateCode, r.ReceivedAt });
    }
}
