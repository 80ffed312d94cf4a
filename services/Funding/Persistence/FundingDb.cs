using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Programmes.Auditing;
using Programmes.Funding.Model;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;
using Programmes.ServiceDefaults;

namespace Programmes.Funding.Persistence;

public sealed class FundingDb(DbContextOptions<FundingDb> options) : DbContext(options)
{
    public DbSet<Donor> Donors => Set<Donor>();
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<InKindContribution> InKindContributions => Set<InKindContribution>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<BudgetedProgramme> Programmes => Set<BudgetedProgramme>();
    public DbSet<Allocation> Allocations => Set<Allocation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FundingDb).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAudit();
        modelBuilder.AddIdempotencyKeys();
        modelBuilder.UseListComparers();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class DesignTimeFundingDbFactory : IDesignTimeDbContextFactory<FundingDb>
{
    public FundingDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<FundingDb>()
        .UseNpgsql("Host=localhost;Database=design")
        .UseSnakeCaseNamingConvention()
        .Options);
}
