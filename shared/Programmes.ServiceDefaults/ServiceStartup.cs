using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Programmes.ServiceDefaults;

public static class ServiceStartup
{
    /// <summary>
    /// Runs the app after preparing its database, unless <c>Database:MigrateAtStartup</c> is false (on Kubernetes a
    /// Job prepares it before the rollout); with <c>Database:MigrateOnly</c> the process prepares the database and
    /// exits: that is the Job.
    /// </summary>
    public static async Task RunWithDatabaseAsync(this WebApplication app, Func<Task> prepareDatabase)
    {
        var migrateOnly = app.Configuration.GetValue("Database:MigrateOnly", false);
        if (migrateOnly || app.Configuration.GetValue("Database:MigrateAtStartup", true))
        {
            await prepareDatabase();
        }
        if (!migrateOnly)
        {
            await app.RunAsync();
        }
    }
}
