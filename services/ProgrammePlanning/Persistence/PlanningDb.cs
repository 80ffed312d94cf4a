using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Programmes.Messaging;
using Programmes.ProgrammePlanning.PlanningIntake;

namespace Programmes.ProgrammePlanning.Persistence;

public sealed class PlanningDb(DbContextOptions<PlanningDb> options) : DbContext(options)
{
    public DbSet<PlanningIntakeItem> IntakeItems => Set<PlanningIntakeItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlanningDb).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class DesignTimePlanningDbFactory : IDesignTimeDbContextFactory<PlanningDb>
{
    public PlanningDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PlanningDb>()
        .UseNpgsql("Host=localhost;Database=design")
        .UseSnakeCaseNamingConvention()
        .Options);
}
