using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Programmes.Console.Sessions;

/// <summary>One signed-in session: the authentication ticket (with the user's tokens), protected at rest.</summary>
public sealed class Session
{
    public required string Key { get; set; }
    public required byte[] Ticket { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>
/// The console's own database: sessions (so that tokens never reach the browser, survive a restart and are
/// shared by every replica) and the Data Protection key ring (so that every replica reads every cookie).
/// </summary>
public sealed class SessionDb(DbContextOptions<SessionDb> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Session>(session =>
        {
            session.HasKey(s => s.Key);
            session.Property(s => s.Key).HasMaxLength(64);
            session.HasIndex(s => s.ExpiresAt);
        });
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class SessionDbDesignTimeFactory : IDesignTimeDbContextFactory<SessionDb>
{
    public SessionDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SessionDb>()
        .UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
