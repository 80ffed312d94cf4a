using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Programmes.RequestIntake.MaintainingCentralAuthorities;

[Description("What a central authority is designated for.")]
public enum AuthorityKind
{
    [Description("Mutual legal assistance requests.")]
    MutualLegalAssistance,
    [Description("Extradition requests.")]
    Extradition,
    /// <summary>Designated for both mutual legal assistance and extradition.</summary>
    [Description("Both mutual legal assistance and extradition.")]
    Both,
    [Description("Another form of international cooperation in criminal matters.")]
    Other,
}

[Description("A channel through which a central authority accepts requests.")]
public enum AuthorityChannel
{
    [Description("Through diplomatic channels.")]
    Diplomatic,
    [Description("Through INTERPOL.")]
    Interpol,
    [Description("Directly between central authorities.")]
    CentralAuthorityToCentralAuthority,
    [Description("By e-mail.")]
    Email,
    [Description("Another channel.")]
    Other,
}

/// <summary>An authority a State designated for international cooperation in criminal matters (op. 3).</summary>
public sealed class CentralAuthority
{
    public Guid Id { get; init; }
    public required string StateCode { get; init; }
    public AuthorityKind Kind { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public List<string> Languages { get; set; } = [];
    public List<AuthorityChannel> Channels { get; set; } = [];
    public string? Notes { get; set; }
    public DateOnly LastConfirmed { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}

internal sealed class CentralAuthorityConfiguration : IEntityTypeConfiguration<CentralAuthority>
{
    public void Configure(EntityTypeBuilder<CentralAuthority> authority)
    {
        authority.ToTable("central_authorities");
        authority.Property(a => a.StateCode).HasMaxLength(3);
        authority.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        authority.Property(a => a.Name).HasMaxLength(200);
        authority.Property(a => a.Address).HasMaxLength(500);
        authority.Property(a => a.Phone).HasMaxLength(40);
        authority.Property(a => a.Email).HasMaxLength(254);
        authority.Property(a => a.Notes).HasMaxLength(2000);
        authority.PrimitiveCollection(a => a.Channels).ElementType().HasConversion<string>();
        authority.Property(a => a.Version).IsRowVersion();
        authority.HasIndex(a => new { a.StateCode, a.Kind }).HasDatabaseName("ix_central_authorities_state_kind");
        authority.HasIndex(a => a.Languages).HasMethod("gin").HasDatabaseName("ix_central_authorities_languages");
    }
}
