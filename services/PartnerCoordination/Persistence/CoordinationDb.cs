using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Programmes.Auditing;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;
using Programmes.PartnerCoordination.ClearingProgramme;
using Programmes.PartnerCoordination.DeclaringActivities;
using Programmes.PartnerCoordination.DeliveringWebhooks;
using Programmes.PartnerCoordination.ManagingEndpoints;
using Programmes.PartnerCoordination.ManagingPartners;
using Programmes.PartnerCoordination.RecordingJointInitiatives;
using Programmes.PartnerCoordination.ReferringNeeds;
using Programmes.ServiceDefaults;

namespace Programmes.PartnerCoordination.Persistence;

public sealed class CoordinationDb(DbContextOptions<CoordinationDb> options) : DbContext(options)
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();
    public DbSet<CtedReferral> Referrals => Set<CtedReferral>();
    public DbSet<DeclaredActivity> DeclaredActivities => Set<DeclaredActivity>();
    public DbSet<ClearanceRound> ClearanceRounds => Set<ClearanceRound>();
    public DbSet<JointInitiative> JointInitiatives => Set<JointInitiative>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoordinationDb).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAudit();
        modelBuilder.AddIdempotencyKeys();
        modelBuilder.UseListComparers();
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
