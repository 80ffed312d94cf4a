using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.RequestIntake.FollowingProgrammes;

/// <summary>
/// Which requests a programme serves, learnt from planning's events. Coordination's and funding's events
/// name only the programme; this link finds the requests whose timelines they belong on.
/// </summary>
public sealed class ProgrammeLink
{
    public Guid ProgrammeId { get; init; }
    public Guid RequestId { get; init; }
}

internal sealed class ProgrammeLinkConfiguration : IEntityTypeConfiguration<ProgrammeLink>
{
    public void Configure(EntityTypeBuilder<ProgrammeLink> link)
    {
        link.ToTable("programme_links");
        link.HasKey(l => new { l.ProgrammeId, l.RequestId });
    }
}
