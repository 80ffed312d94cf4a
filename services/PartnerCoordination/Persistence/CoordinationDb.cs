using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Programmes.Messaging;

namespace Programmes.PartnerCoordination.Persistence;

public sealed class CoordinationDb(DbContextOptions<CoordinationDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoordinationDb).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class DesignTimeCoordinationDbFactory : IDesignTimeDbContextFactory<CoordinationDb>
{
    public CoordinationDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<CoordinationDb>()
        .UseNpgsql("Host=localhost;Database=design")
        .UseSnakeCaseNamingConvention()
        .Options);
}
