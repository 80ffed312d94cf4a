using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.PartnerCoordination.RecordingJointInitiatives;

/// <summary>A programme delivered together with one or more partners (operative paragraph 16).</summary>
public sealed class JointInitiative
{
    public Guid Id { get; init; }
    public Guid ProgrammeId { get; init; }
    public required string Title { get; init; }
    public required List<InitiativePartner> Partners { get; init; }

    /// <summary>The partner codes, kept as an array too so "initiatives of partner X" is a simple query.</summary>
    public required List<string> PartnerCodes { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

public sealed record InitiativePartner(string PartnerCode, string Role, string? Contribution);

internal sealed class JointInitiativeConfiguration : IEntityTypeConfiguration<JointInitiative>
{
    public void Configure(EntityTypeBuilder<JointInitiative> initiative)
    {
        initiative.ToTable("joint_initiatives");
        initiative.Property(i => i.Title).HasMaxLength(500);
        initiative.OwnsMany(i => i.Partners, p => p.ToJson());
        initiative.HasIndex(i => i.ProgrammeId);
    }
}
