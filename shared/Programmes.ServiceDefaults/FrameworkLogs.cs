using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace Programmes.ServiceDefaults;

public static class FrameworkLogs
{
    /// <summary>
    /// Framework categories log at Warning unless configuration says otherwise (as eShop's appsettings do): at
    /// Information, ASP.NET Core and EF Core wrote about eight entries per request (request start and end,
    /// endpoint, every SQL command), each formatted, scoped and exported, a large part of a small GET's cost
    /// (docs/performance.md). Inserted first, so appsettings and environment variables still override it.
    /// </summary>
    public static void AddQuietFrameworkLogs(this IHostApplicationBuilder builder) =>
        ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
                ["Logging:LogLevel:System.Net.Http"] = "Warning",
                // YARP logs two entries per proxied request at Information.
                ["Logging:LogLevel:Yarp"] = "Warning",
            },
        });
}
