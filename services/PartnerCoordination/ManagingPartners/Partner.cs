using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Programmes.ReferenceData;

namespace Programmes.PartnerCoordination.ManagingPartners;

/// <summary>A partner entity (CTED, UNOCT, a Compact entity) and what it wants to be consulted on.</summary>
public sealed class Partner
{
    public const string Cted = "CTED";

    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Kind { get; set; }

    /// <summary>Thematic areas the partner works on; a partner with none is consulted only when always addressed (CTED).</summary>
    public List<string> ThematicAreas { get; set; } = [];

    /// <summary>States of interest; with no States and no regional groups the partner works worldwide.</summary>
    public List<string> StateCodes { get; set; } = [];

    public List<string> RegionalGroups { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>True when a programme in <paramref name="states"/> on <paramref name="areas"/> concerns this partner.</summary>
    public bool IsInterestedIn(IReadOnlyCollection<string> states, IReadOnlyCollection<string> areas)
    {
        if (Code == Cted)
        {
            return true;
        }
        if (!ThematicAreas.Intersect(areas).Any())
        {
            return false;
        }
        if (StateCodes.Count == 0 && RegionalGroups.Count == 0)
        {
            return true;
        }
        return states.Any(s => StateCodes.Contains(s)
            || (Reference.MemberStates.TryGetValue(s, out var state) && RegionalGroups.Contains(state.RegionalGroup)));
    }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> partner)
    {
        partner.ToTable("partners");
        partner.HasKey(p => p.Code);
        partner.Property(p => p.Code).HasMaxLength(40);
        partner.Property(p => p.Name).HasMaxLength(300);
        partner.Property(p => p.Kind).HasMaxLength(200);
    }
}
