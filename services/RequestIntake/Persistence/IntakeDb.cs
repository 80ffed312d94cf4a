using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Programmes.Auditing;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;
using Programmes.RequestIntake.FollowingProgrammes;
using Programmes.RequestIntake.MaintainingCentralAuthorities;
using Programmes.RequestIntake.Model;
using Programmes.RequestIntake.TrackingRatifications;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.Persistence;

public sealed class IntakeDb(DbContextOptions<IntakeDb> options) : DbContext(options)
{
    public DbSet<AssistanceRequest> Requests => Set<AssistanceRequest>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<ProgrammeLink> Links => Set<ProgrammeLink>();
    public DbSet<CentralAuthority> CentralAuthorities => Set<CentralAuthority>();
    public DbSet<Ratification> Ratifications => Set<Ratification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntakeDb).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAudit();
        modelBuilder.AddIdempotencyKeys();
        modelBuilder.UseListComparers();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class DesignTimeIntakeDbFactory : IDesignTimeDbContextFactory<IntakeDb>
{
    public IntakeDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<IntakeDb>()
        .UseNpgsql("Host=localhost;Database=design")
        .UseSnakeCaseNamingConvention()
        .Options);
}
