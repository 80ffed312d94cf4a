using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Programmes.Console.Sessions;

namespace Programmes.Console.Extensions;

public static class SessionExtensions
{
    /// <summary>
    /// The console's database (<c>ConnectionStrings:Database</c>): server-side sessions and the shared Data
    /// Protection key ring, so that a restart keeps everyone signed in and any replica serves any request.
    /// </summary>
    public static WebApplicationBuilder AddConsoleSessions(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("ConnectionStrings:Database is not configured.");
        builder.Services.AddDbContextPool<SessionDb>(options => options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention());
        builder.Services.AddDataProtection()
            .SetApplicationName("programmes-console")
            .PersistKeysToDbContext<SessionDb>();
        builder.Services.AddSingleton<DatabaseTicketStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<DatabaseTicketStore>((options, store) => options.SessionStore = store);
        builder.Services.AddHealthChecks().AddDbContextCheck<SessionDb>("database", tags: [ServiceDefaults.ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}
