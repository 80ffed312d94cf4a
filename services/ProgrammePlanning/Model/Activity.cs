using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.ProgrammePlanning.Model;

/// <summary>One activity of a programme: planned, then delivered.</summary>
public sealed class Activity
{
    public Guid Id { get; init; }
    public Guid ProgrammeId { get; init; }
    public required string Title { get; set; }
    public required string Modality { get; set; }
    public required string ThematicArea { get; set; }
    public DateOnly PlannedStart { get; set; }
    public DateOnly PlannedEnd { get; set; }
    public string? StateCode { get; set; }
    public string? City { get; set; }
    public bool Online { get; set; }
    public int PlannedWomen { get; set; }
    public int PlannedMen { get; set; }
    public int PlannedOther { get; set; }
    public List<string> TargetInstitutions { get; set; } = [];
    public decimal ExpertsUsd { get; set; }
    public decimal TravelUsd { get; set; }
    public decimal VenueUsd { get; set; }
    public decimal TranslationUsd { get; set; }
    public decimal OtherUsd { get; set; }
    public decimal BudgetUsd { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
    public DateOnly? ActualStart { get; set; }
    public DateOnly? ActualEnd { get; set; }
    public int ActualWomen { get; set; }
    public int ActualMen { get; set; }
    public int ActualOther { get; set; }
    public Dictionary<string, int> ParticipantsByInstitution { get; set; } = [];
    public decimal? EvaluationScore { get; set; }
    public decimal? SpentUsd { get; set; }

    /// <summary>Part of what the activity cost, passed to partner entities that implemented it (IATI disbursements).</summary>
    public Dictionary<string, decimal> DisbursedUsd { get; set; } = [];

    public bool IsDelivered => DeliveredAt is not null;

    public void SetBudget(decimal experts, decimal travel, decimal venue, decimal translation, decimal other)
    {
        (ExpertsUsd, TravelUsd, VenueUsd, TranslationUsd, OtherUsd) = (experts, travel, venue, translation, other);
        BudgetUsd = experts + travel + venue + translation + other;
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> activity)
    {
        activity.ToTable("activities");
        activity.HasKey(a => a.Id);
        activity.Property(a => a.Title).HasMaxLength(200);
        activity.Property(a => a.Modality).HasMaxLength(40);
        activity.Property(a => a.ThematicArea).HasMaxLength(40);
        activity.Property(a => a.StateCode).HasMaxLength(3);
        activity.Property(a => a.City).HasMaxLength(100);
        foreach (var money in new[] { "ExpertsUsd", "TravelUsd", "VenueUsd", "TranslationUsd", "OtherUsd", "BudgetUsd", "SpentUsd" })
        {
            activity.Property(money).HasPrecision(18, 2);
        }
        activity.Property(a => a.EvaluationScore).HasPrecision(3, 1);
        JsonDictionary(activity.Property(a => a.ParticipantsByInstitution));
        JsonDictionary(activity.Property(a => a.DisbursedUsd));
        activity.HasIndex(a => a.ProgrammeId);
        // The implementation report selects delivered activities by the date they ended.
        activity.HasIndex(a => a.ActualEnd);
    }

    /// <summary>A small dictionary kept as one jsonb column, compared by content for change tracking.</summary>
    private static void JsonDictionary<TValue>(PropertyBuilder<Dictionary<string, TValue>> property) => property
        .HasColumnType("jsonb")
        .HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            s => JsonSerializer.Deserialize<Dictionary<string, TValue>>(s, JsonSerializerOptions.Default) ?? new Dictionary<string, TValue>(),
            new ValueComparer<Dictionary<string, TValue>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                d => d.Aggregate(0, (h, e) => HashCode.Combine(h, e.Key, e.Value)),
                d => new Dictionary<string, TValue>(d)));
}
