using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.RequestIntake.Model;

/// <summary>One step in a request's life, as the State sees it: intake's own steps and those of the programmes serving it.</summary>
public sealed class TimelineEntry
{
    public Guid Id { get; init; }
    public Guid RequestId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Kind { get; init; }
    public required string Description { get; init; }
    public Guid? ProgrammeId { get; init; }

    public static TimelineEntry For(AssistanceRequest request, DateTimeOffset at, TimelineKind kind, string description, Guid? programmeId = null) =>
        new() { Id = Guid.CreateVersion7(at), RequestId = request.Id, At = at, Kind = kind.ToString(), Description = description.Length <= 1000 ? description : description[..999] + "…", ProgrammeId = programmeId };
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> entry)
    {
        entry.ToTable("timeline_entries");
        entry.Property(e => e.Kind).HasMaxLength(40);
        entry.Property(e => e.Description).HasMaxLength(1000);
        entry.HasOne<AssistanceRequest>().WithMany().HasForeignKey(e => e.RequestId);
        entry.HasIndex(e => new { e.RequestId, e.At }).HasDatabaseName("ix_timeline_entries_request_at");
    }
}
