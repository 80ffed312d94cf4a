using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Programmes.Auditing;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;
using Programmes.ProgrammePlanning.FundingProgramme;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.PlanningIntake;
using Programmes.ProgrammePlanning.RecordingResults;
using Programmes.ServiceDefaults;

namespace Programmes.ProgrammePlanning.Persistence;

public sealed class PlanningDb(DbContextOptions<PlanningDb> options) : DbContext(options)
{
    public DbSet<PlanningIntakeItem> IntakeItems => Set<PlanningIntakeItem>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<FundingMovement> FundingMovements => Set<FundingMovement>();
    public DbSet<DonorContribution> DonorContributions => Set<DonorContribution>();
    public DbSet<ProgrammeResult> Results => Set<ProgrammeResult>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlanningDb).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAudit();
        modelBuilder.AddIdempotencyKeys();
        modelBuilder.UseListComparers();
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
