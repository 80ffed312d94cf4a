using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.ProgrammePlanning.Model;

/// <summary>
/// A programme of activities answering one or more accepted requests. Its lifecycle lives in
/// <see cref="ProgrammeLifecycle"/>; this class is the state that lifecycle reads and writes.
/// </summary>
public sealed class Programme
{
    public Guid Id { get; init; }
    public required string Title { get; set; }
    public required string Objectives { get; set; }
    public ProgrammeScope Scope { get; set; }
    public List<string> StateCodes { get; set; } = [];
    public List<string> ThematicAreas { get; set; } = [];
    public List<string> Instruments { get; set; } = [];
    public List<Guid> RequestIds { get; set; } = [];
    public List<Activity> Activities { get; init; } = [];
    public decimal BudgetUsd { get; set; }

    public ProgrammeStatus Status { get; set; }
    public ProgrammeStatus? SuspendedFrom { get; set; }
    public string? StatusReason { get; set; }

    // The three facts approval waits for, in any order.
    public bool Cleared { get; set; }
    public bool FullyFunded { get; set; }
    public ComplianceOutcome? ComplianceOutcome { get; set; }
    public string? ComplianceReviewer { get; set; }
    public string? ComplianceNotes { get; set; }
    public DateTimeOffset? ComplianceReviewedAt { get; set; }

    /// <summary>Partners' concerns from the last clearance round; while open, staff must act before approval.</summary>
    public bool ConcernsOpen { get; set; }
    public List<string> ClearanceConcerns { get; set; } = [];

    public int? GenderMarker { get; set; }
    public bool? ChildrenConcerned { get; set; }
    public string? ChildSafeguards { get; set; }

    /// <summary>Partners that joined the programme through joint initiatives (operative paragraph 16).</summary>
    public List<string> JointPartners { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ProposedAt { get; set; }
    public DateTimeOffset? FirstApprovedAt { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    public bool ComplianceCleared => ComplianceOutcome is Model.ComplianceOutcome.Cleared or Model.ComplianceOutcome.ClearedWithConditions;

    public void RecomputeBudget() => BudgetUsd = Activities.Sum(a => a.BudgetUsd);
}

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> programme)
    {
        programme.ToTable("programmes");
        programme.HasKey(p => p.Id);
        programme.Property(p => p.Title).HasMaxLength(200);
        programme.Property(p => p.Objectives).HasMaxLength(4000);
        programme.Property(p => p.Scope).HasConversion<string>().HasMaxLength(20);
        programme.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        programme.Property(p => p.SuspendedFrom).HasConversion<string>().HasMaxLength(20);
        programme.Property(p => p.ComplianceOutcome).HasConversion<string>().HasMaxLength(30);
        programme.Property(p => p.StatusReason).HasMaxLength(1000);
        programme.Property(p => p.ComplianceReviewer).HasMaxLength(200);
        programme.Property(p => p.ComplianceNotes).HasMaxLength(4000);
        programme.Property(p => p.ChildSafeguards).HasMaxLength(4000);
        programme.Property(p => p.BudgetUsd).HasPrecision(18, 2);
        programme.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        programme.HasIndex(p => p.Status);
        programme.HasIndex(p => p.FirstApprovedAt);
    }
}
