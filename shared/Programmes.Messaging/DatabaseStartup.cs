using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Programmes.Auditing;
using Programmes.ServiceDefaults;

namespace Programmes.Messaging;

public static class DatabaseStartup
{
    /// <summary>Runs the service, migrating its database first (see <see cref="ServiceStartup.RunWithDatabaseAsync"/>).</summary>
    public static Task RunServiceAsync<TDbContext>(this WebApplication app) where TDbContext : DbContext =>
        app.RunWithDatabaseAsync(() => app.MigrateDatabaseAsync<TDbContext>());

    /// <summary>
    /// Applies the service's EF Core migrations, which own every table (domain, outbox, inbox, Idempotency-Keys).
    /// EF Core takes a database lock while migrating, so several instances may start at once. Where the services run
    /// as a role of their own (<c>Database:ApplicationRole</c>), that role then may only insert and read audit rows.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this IHost app, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await db.GrantAuditToApplicationRoleAsync(app.Services.GetRequiredService<IConfiguration>(), cancellationToken);
    }
}
