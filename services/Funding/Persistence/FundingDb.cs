using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Programmes.Messaging;

namespace Programmes.Funding.Persistence;

public sealed class FundingDb(DbContextOptions<FundingDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FundingDb).Assembly);
        modelBuilder.AddOutboxAndInbox();
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
