using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.PartnerCoordination.ClearingProgramme;

[Description("Where a clearance round stands.")]
public enum RoundStatus
{
    [Description("Waiting for answers until the deadline.")]
    Open,
    [Description("Closed without concerns: every addressee concurred or stayed silent; ProgrammeCleared was published.")]
    Cleared,
    [Description("Closed with at least one overlap flagged or joint initiative proposed; ProgrammeClearanceRaisedConcerns was published and staff resolve them in planning.")]
    ConcernsRaised,
}

/// <summary>What an addressee of a round answered, including the silence recorded at the deadline.</summary>
[Description("An addressee's answer to a clearance round; null while it has not answered.")]
public enum ClearanceAnswer
{
    [Description("Concurs with the programme.")]
    Concur,
    [Description("Concurs, with comments (in comment).")]
    ConcurWithComments,
    [Description("Flags an overlap with one of its declared activities (overlappingActivityId).")]
    FlagOverlap,
    [Description("Proposes a joint initiative (described in comment).")]
    ProposeJointInitiative,

    /// <summary>No answer by the deadline: counts as concurrence, recorded as silence.</summary>
    [Description("Did not answer by the deadline: counts as concurrence. Recorded by the system, never sent by a partner.")]
    Silence,
}

/// <summary>What a partner may answer (<see cref="ClearanceAnswer"/> without the silence only the deadline records).</summary>
[Description("A partner's answer to a clearance round.")]
public enum PartnerAnswer
{
    [Description("Concur with the programme.")]
    Concur,
    [Description("Concur, with comments: comment is required.")]
    ConcurWithComments,
    [Description("Flag an overlap with one of your declared, not withdrawn activities: overlappingActivityId is required.")]
    FlagOverlap,
    [Description("Propose a joint initiative: comment (the proposal) is required.")]
    ProposeJointInitiative,
}

/// <summary>A proposed programme sent to CTED and the partners concerned, collecting their answers until a deadline.</summary>
public sealed class ClearanceRound
{
    public Guid Id { get; init; }
    public Guid ProgrammeId { get; init; }
    public required string Title { get; init; }
    public required List<string> StateCodes { get; init; }
    public required List<string> ThematicAreas { get; init; }
    public required List<ProgrammeActivity> Activities { get; init; }
    public RoundStatus Status { get; set; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset Deadline { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }

    /// <summary>PostgreSQL's xmin: an answer and the deadline closing the round at once cannot both win.</summary>
    public uint Version { get; set; }
    public List<Addressee> Addressees { get; init; } = [];
    public List<DetectedOverlap> Overlaps { get; init; } = [];
}

/// <summary>The programme's activity as proposed, kept with the round for overlap detection.</summary>
public sealed record ProgrammeActivity(Guid ActivityId, string? StateCode, string ThematicArea, string Modality, DateOnly PlannedStart, DateOnly PlannedEnd);

/// <summary>A partner the round is addressed to, and its one answer.</summary>
public sealed class Addressee
{
    public Guid RoundId { get; init; }
    public required string PartnerCode { get; init; }
    public ClearanceAnswer? Answer { get; set; }
    public string? Comment { get; set; }
    public Guid? OverlappingActivityId { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>A programme activity and a partner's declared activity in the same State and thematic area at overlapping dates.</summary>
public sealed class DetectedOverlap
{
    public long Id { get; init; }
    public Guid RoundId { get; init; }
    public Guid ProgrammeActivityId { get; init; }
    public Guid DeclaredActivityId { get; init; }
    public required string PartnerCode { get; init; }
    public required string StateCode { get; init; }
    public required string ThematicArea { get; init; }
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
}

internal sealed class ClearanceRoundConfiguration : IEntityTypeConfiguration<ClearanceRound>
{
    public void Configure(EntityTypeBuilder<ClearanceRound> round)
    {
        round.ToTable("clearance_rounds");
        round.Property(r => r.Title).HasMaxLength(500);
        round.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        round.Property(r => r.Version).IsRowVersion();
        round.OwnsMany(r => r.Activities, a => a.ToJson());
        round.HasIndex(r => r.ProgrammeId);
        round.HasIndex(r => new { r.Status, r.Deadline });
        round.HasMany(r => r.Addressees).WithOne().HasForeignKey(a => a.RoundId);
        round.HasMany(r => r.Overlaps).WithOne().HasForeignKey(o => o.RoundId);
    }
}

internal sealed class AddresseeConfiguration : IEntityTypeConfiguration<Addressee>
{
    public void Configure(EntityTypeBuilder<Addressee> addressee)
    {
        addressee.ToTable("clearance_addressees");
        addressee.HasKey(a => new { a.RoundId, a.PartnerCode });
        addressee.Property(a => a.PartnerCode).HasMaxLength(40);
        addressee.Property(a => a.Answer).HasConversion<string>().HasMaxLength(30);
        addressee.Property(a => a.Comment).HasMaxLength(4000);
        addressee.HasIndex(a => a.PartnerCode);
    }
}

internal sealed class DetectedOverlapConfiguration : IEntityTypeConfiguration<DetectedOverlap>
{
    public void Configure(EntityTypeBuilder<DetectedOverlap> overlap)
    {
        overlap.ToTable("clearance_overlaps");
        overlap.Property(o => o.PartnerCode).HasMaxLength(40);
        overlap.Property(o => o.StateCode).HasMaxLength(3);
        overlap.Property(o => o.ThematicArea).HasMaxLength(60);
        overlap.HasIndex(o => o.DeclaredActivityId);
    }
}
