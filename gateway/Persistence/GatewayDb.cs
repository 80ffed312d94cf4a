using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Programmes.Auditing;
using Programmes.Gateway.Operations;
using Programmes.Gateway.People;
using Programmes.Messaging.Idempotency;

namespace Programmes.Gateway.Persistence;

/// <summary>
/// The gateway's own database: OpenIddict's clients (applications), the people who sign in (ASP.NET Core Identity),
/// the keys that protect the sign-in cookies, the shared audit trail and the dead-letter audit.
/// </summary>
public sealed class GatewayDb(DbContextOptions<GatewayDb> options) : IdentityDbContext<GatewayUser>(options), IDataProtectionKeyContext
{
    public DbSet<DeadLetterAuditEntry> DeadLetterAudit => Set<DeadLetterAuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity's tables in the gateway's naming (its defaults are AspNetUsers and the like).
        builder.Entity<GatewayUser>().ToTable("users");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.ApplyConfigurationsFromAssembly(typeof(GatewayDb).Assembly);
        builder.AddAudit();
        builder.AddIdempotencyKeys();
    }
}

internal sealed class DesignTimeGatewayDbFactory : IDesignTimeDbContextFactory<GatewayDb>
{
    public GatewayDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<GatewayDb>()
        .UseNpgsql("Host=localhost;Database=design")
        .UseSnakeCaseNamingConvention()
        .UseOpenIddict()
        .Options);
}
