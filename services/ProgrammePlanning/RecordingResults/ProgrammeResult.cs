using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.ProgrammePlanning.RecordingResults;

[Description("What kind of result a programme achieved.")]
public enum ResultKind
{
    [Description("A law was drafted with the programme's assistance.")]
    LawDrafted,
    [Description("A law was amended.")]
    LawAmended,
    [Description("Officials were trained.")]
    OfficialsTrained,
    [Description("A tool or publication was issued.")]
    ToolPublished,

    /// <summary>Only from the ratification tracker's events, never entered by hand.</summary>
    [Description("A State became party to an instrument (recorded from the ratification tracker's events, never entered by hand).")]
    Ratification,
}

/// <summary>Something that followed a programme: a law, trained officials, a tool, a ratification.</summary>
public sealed class ProgrammeResult
{
    public Guid Id { get; init; }
    public Guid ProgrammeId { get; init; }
    public ResultKind Kind { get; init; }
    public required string Description { get; init; }
    public string? StateCode { get; init; }
    public string? InstrumentCode { get; init; }

    /// <summary>The tracker's new status for a ratification (e.g. Ratified, Acceded).</summary>
    public string? RatificationStatus { get; init; }
    public int? Count { get; init; }
    public DateOnly Date { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

internal sealed class ProgrammeResultConfiguration : IEntityTypeConfiguration<ProgrammeResult>
{
    public void Configure(EntityTypeBuilder<ProgrammeResult> result)
    {
        result.ToTable("programme_results");
        result.HasKey(r => r.Id);
        result.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        result.Property(r => r.Description).HasMaxLength(2000);
        result.Property(r => r.StateCode).HasMaxLength(3);
        result.Property(r => r.InstrumentCode).HasMaxLength(60);
        result.Property(r => r.RatificationStatus).HasMaxLength(40);
        result.HasIndex(r => r.ProgrammeId);
        result.HasIndex(r => r.Date);
    }
}
