using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Programmes.Gateway.Persistence;

/// <summary>The gateway's own database: OpenIddict's clients (applications) and their audit trail.</summary>
public sealed class GatewayDb(DbContextOptions<GatewayDb> options) : DbContext(options)
{
    public DbSet<ClientAuditEntry> ClientAudit => Set<ClientAuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatewayDb).Assembly);
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
