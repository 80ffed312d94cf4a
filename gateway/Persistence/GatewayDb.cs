using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Programmes.Auditing;
using Programmes.Gateway.Operations;
using Programmes.Messaging.Idempotency;

namespace Programmes.Gateway.Persistence;

/// <summary>The gateway's own database: OpenIddict's clients (applications), their audit trail (the shared one) and the dead-letter audit.</summary>
public sealed class GatewayDb(DbContextOptions<GatewayDb> options) : DbContext(options)
{
    public DbSet<DeadLetterAuditEntry> DeadLetterAudit => Set<DeadLetterAuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatewayDb).Assembly);
        modelBuilder.AddAudit();
        modelBuilder.AddIdempotencyKeys();
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
