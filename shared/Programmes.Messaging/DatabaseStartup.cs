using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Programmes.Messaging;

public static class DatabaseStartup
{
    /// <summary>
    /// Runs the service. Migrations are applied first unless <c>Database:MigrateAtStartup</c> is false (on
    /// Kubernetes a Job migrates before the rollout); with <c>Database:MigrateOnly</c> the process migrates
    /// and exits: that is the Job.
    /// </summary>
    public static async Task RunServiceAsync<TDbContext>(this WebApplication app) where TDbContext : DbContext
    {
        if (app.Configuration.GetValue("Database:MigrateOnly", false))
        {
            await app.MigrateDatabaseAsync<TDbContext>();
            return;
        }
        if (app.Configuration.GetValue("Database:MigrateAtStartup", true))
        {
            await app.MigrateDatabaseAsync<TDbContext>();
        }
        await app.RunAsync();
    }

    /// <summary>
    /// Applies the service's EF Core migrations and the outbox/inbox schema. EF Core takes a database lock
    /// while migrating, so several instances may start at once.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this IHost app, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await OutboxSchema.EnsureAsync(scope.ServiceProvider.GetRequiredService<NpgsqlDataSource>(), cancellationToken);
    }
}
