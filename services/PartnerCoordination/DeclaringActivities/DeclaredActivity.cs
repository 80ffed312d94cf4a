using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.PartnerCoordination.DeclaringActivities;

[Description("Whether a partner's declared activity still stands.")]
public enum DeclaredActivityStatus
{
    [Description("Planned: used to detect overlaps.")]
    Planned,
    [Description("Withdrawn by the partner: no longer used to detect overlaps.")]
    Withdrawn,
}

/// <summary>An activity a partner plans on its own, declared so that overlaps with UNODC programmes show.</summary>
public sealed class DeclaredActivity
{
    public Guid Id { get; init; }
    public required string PartnerCode { get; init; }
    public required string StateCode { get; set; }
    public required string ThematicArea { get; set; }
    public required string Modality { get; set; }
    public required string Title { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public DeclaredActivityStatus Status { get; set; }
    public DateTimeOffset DeclaredAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class DeclaredActivityConfiguration : IEntityTypeConfiguration<DeclaredActivity>
{
    public void Configure(EntityTypeBuilder<DeclaredActivity> activity)
    {
        activity.ToTable("declared_activities");
        activity.Property(a => a.PartnerCode).HasMaxLength(40);
        activity.Property(a => a.StateCode).HasMaxLength(3);
        activity.Property(a => a.ThematicArea).HasMaxLength(60);
        activity.Property(a => a.Modality).HasMaxLength(60);
        activity.Property(a => a.Title).HasMaxLength(300);
        activity.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        activity.HasIndex(a => new { a.StateCode, a.ThematicArea, a.StartDate });
        activity.HasIndex(a => a.PartnerCode);
    }
}
