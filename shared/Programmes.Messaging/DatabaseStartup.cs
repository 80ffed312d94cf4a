using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Programmes.Messaging.Idempotency;

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
    /// Applies the service's EF Core migrations, the outbox/inbox schema and, where the service takes
    /// Idempotency-Keys, their table. EF Core takes a database lock while migrating, so several instances
    /// may start at once.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this IHost app, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        var dataSource = scope.ServiceProvider.GetRequiredService<NpgsqlDataSource>();
        await OutboxSchema.EnsureAsync(dataSource, cancellationToken);
        if (scope.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(IdempotencyStore)) == true)
        {
            await IdempotencyKeys.EnsureSchemaAsync(dataSource, cancellationToken);
        }
    }
}
