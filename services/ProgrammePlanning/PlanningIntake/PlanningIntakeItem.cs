using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.ProgrammePlanning.PlanningIntake;

/// <summary>A request planning has heard of; once accepted it may be turned into (part of) a programme.</summary>
public sealed class PlanningIntakeItem
{
    public Guid RequestId { get; init; }
    public required string StateCode { get; init; }
    public required List<string> ThematicAreas { get; set; }
    public List<string> Instruments { get; set; } = [];
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; set; }
}

internal sealed class PlanningIntakeItemConfiguration : IEntityTypeConfiguration<PlanningIntakeItem>
{
    public void Configure(EntityTypeBuilder<PlanningIntakeItem> item)
    {
        item.ToTable("planning_intake_items");
        item.HasKey(i => i.RequestId);
        item.Property(i => i.StateCode).HasMaxLength(3);
        item.HasIndex(i => i.ReceivedAt);
        item.HasIndex(i => i.SubmittedAt);
        item.HasIndex(i => i.AcceptedAt);
    }
}
