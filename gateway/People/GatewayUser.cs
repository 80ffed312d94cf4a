using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Programmes.ServiceDefaults;

namespace Programmes.Gateway.People;

/// <summary>Where a person's account stands: invited (no password yet), active, or disabled by staff.</summary>
public static class UserStatus
{
    public const string Invited = "Invited";
    public const string Active = "Active";
    public const string Disabled = "Disabled";
}

/// <summary>
/// A person who signs in to the console. Like an API client, a person has a role and the party they act for,
/// and their access tokens carry the same claims (<see cref="Clients.CallerClaims"/>).
/// </summary>
public sealed class GatewayUser : IdentityUser
{
    public string Role { get; set; } = "";
    public string Party { get; set; } = "";
    public string? DisplayName { get; set; }
    public string Status { get; set; } = UserStatus.Invited;

    /// <summary>SHA-256 of the one-time invitation token (hex); cleared once accepted.</summary>
    public string? InvitationHash { get; set; }
    public DateTimeOffset? InvitationExpiresAt { get; set; }

    /// <summary>Staff and operations must use a second factor; everyone else may.</summary>
    public bool RequiresSecondFactor => RequiresTotp(Role);

    public static bool RequiresTotp(string role) => role is Roles.Staff or Roles.Operations;
}

internal sealed class GatewayUserConfiguration : IEntityTypeConfiguration<GatewayUser>
{
    public void Configure(EntityTypeBuilder<GatewayUser> user)
    {
        user.Property(u => u.Role).HasMaxLength(20);
        user.Property(u => u.Party).HasMaxLength(64);
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.Property(u => u.Status).HasMaxLength(20);
        user.Property(u => u.InvitationHash).HasMaxLength(64);
        user.HasIndex(u => u.InvitationHash).IsUnique();
    }
}
