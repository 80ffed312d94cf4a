using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.RequestIntake.MaintainingCentralAuthorities;

public sealed class FieldChange
{
    public required string Field { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
}

/// <summary>The audit trail of the directory: who changed which authority, when, and what changed.</summary>
public sealed class AuthorityChange
{
    public Guid Id { get; init; }
    public Guid AuthorityId { get; init; }
    public required string StateCode { get; init; }
    public required string Action { get; init; }
    public required string ChangedBy { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public List<FieldChange> Changes { get; init; } = [];

    /// <summary>The audit entry for one change; null when nothing changed.</summary>
    public static AuthorityChange? Between(CentralAuthority? before, CentralAuthority? after, string changedBy, DateTimeOffset at)
    {
        var old = Fields(before);
        var @new = Fields(after);
        var changes = old.Keys.Union(@new.Keys)
            .Where(k => old.GetValueOrDefault(k) != @new.GetValueOrDefault(k))
            .Select(k => new FieldChange { Field = k, From = old.GetValueOrDefault(k), To = @new.GetValueOrDefault(k) })
            .ToList();
        if (changes.Count == 0)
        {
            return null;
        }
        var subject = (after ?? before)!;
        return new AuthorityChange
        {
            Id = Guid.CreateVersion7(at),
            AuthorityId = subject.Id,
            StateCode = subject.StateCode,
            Action = before is null ? "Registered" : after is null ? "Removed" : "Updated",
            ChangedBy = changedBy,
            ChangedAt = at,
            Changes = changes,
        };
    }

    private static Dictionary<string, string?> Fields(CentralAuthority? a) => a is null ? [] : new()
    {
        ["kind"] = a.Kind.ToString(),
        ["name"] = a.Name,
        ["address"] = a.Address,
        ["phone"] = a.Phone,
        ["email"] = a.Email,
        ["languages"] = string.Join(", ", a.Languages),
        ["channels"] = string.Join(", ", a.Channels),
        ["notes"] = a.Notes,
        ["lastConfirmed"] = a.LastConfirmed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}

internal sealed class AuthorityChangeConfiguration : IEntityTypeConfiguration<AuthorityChange>
{
    public void Configure(EntityTypeBuilder<AuthorityChange> change)
    {
        change.ToTable("central_authority_changes");
        change.Property(c => c.StateCode).HasMaxLength(3);
        change.Property(c => c.Action).HasMaxLength(20);
        change.Property(c => c.ChangedBy).HasMaxLength(200);
        change.OwnsMany(c => c.Changes, b => b.ToJson());
        change.HasIndex(c => new { c.AuthorityId, c.ChangedAt }).HasDatabaseName("ix_central_authority_changes_authority");
    }
}
