using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Programmes.Contracts;

namespace Programmes.RequestIntake.TrackingRatifications;

[Description("A State's standing towards a universal instrument.")]
public enum RatificationStatus
{
    [Description("Not signed and not a party.")]
    None,
    [Description("Signed, not yet a party.")]
    Signed,
    [Description("A party by ratification.")]
    Ratified,
    [Description("A party by accession.")]
    Acceded,
    [Description("A party by succession.")]
    Succeeded,
}

/// <summary>Where one State stands with one of the 19 instruments (op. 1). No row means None.</summary>
public sealed class Ratification
{
    public required string StateCode { get; init; }
    public required string InstrumentCode { get; init; }
    public RatificationStatus Status { get; set; }
    public DateOnly? SignedOn { get; set; }

    /// <summary>The date of ratification, accession or succession: when the State became party.</summary>
    public DateOnly? EffectiveOn { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    public static bool IsParty(RatificationStatus status) => RatificationStatuses.IsParty(status.ToString());
}

internal sealed class RatificationConfiguration : IEntityTypeConfiguration<Ratification>
{
    public void Configure(EntityTypeBuilder<Ratification> ratification)
    {
        ratification.ToTable("ratifications");
        ratification.HasKey(r => new { r.StateCode, r.InstrumentCode });
        ratification.Property(r => r.StateCode).HasMaxLength(3);
        ratification.Property(r => r.InstrumentCode).HasMaxLength(40);
        ratification.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        ratification.Property(r => r.UpdatedBy).HasMaxLength(200);
    }
}
