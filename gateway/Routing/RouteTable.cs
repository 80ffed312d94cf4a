using Programmes.ServiceDefaults;

namespace Programmes.Gateway.Routing;

/// <summary>
/// The public routes and who may use them at all (the coarse check). Each service enforces the
/// object-level rules itself. Destinations come from configuration
/// (<c>ReverseProxy:Clusters:&lt;name&gt;:Destinations:d1:Address</c>).
/// </summary>
public static class RouteTable
{
    public sealed record ServiceRoute(string Cluster, string PathPrefix, string Title, string[] Roles);

    public static readonly IReadOnlyList<ServiceRoute> Services =
    [
        new("intake", "/api/intake", "Request intake", [Roles.State, Roles.Partner, Roles.Staff]),
        new("planning", "/api/planning", "Programme planning", [Roles.Staff, Roles.Partner, Roles.State]),
        new("coordination", "/api/coordination", "Partner coordination", [Roles.Partner, Roles.Staff]),
        new("funding", "/api/funding", "Funding", [Roles.Donor, Roles.Staff]),
    ];

    public static string PolicyName(string cluster) => $"route-{cluster}";

    /// <summary>YARP configuration as key/value defaults; anything set in configuration wins.</summary>
    public static Dictionary<string, string?> Defaults()
    {
        var values = new Dictionary<string, string?>();
        var port = 5101;
        foreach (var service in Services)
        {
            var route = $"ReverseProxy:Routes:{service.Cluster}";
            values[$"{route}:ClusterId"] = service.Cluster;
            values[$"{route}:Match:Path"] = $"{service.PathPrefix}/{{**rest}}";
            values[$"{route}:AuthorizationPolicy"] = PolicyName(service.Cluster);
            values[$"{route}:Timeout"] = "00:00:30";

            var docs = $"ReverseProxy:Routes:{service.Cluster}-openapi";
            values[$"{docs}:ClusterId"] = service.Cluster;
            values[$"{docs}:Match:Path"] = $"/openapi/{service.Cluster}.json";
            values[$"{docs}:AuthorizationPolicy"] = "anonymous";
            values[$"{docs}:Transforms:0:PathSet"] = "/openapi/v1.json";

            var cluster = $"ReverseProxy:Clusters:{service.Cluster}";
            values[$"{cluster}:Destinations:d1:Address"] = $"http://localhost:{port++}/";
            values[$"{cluster}:HttpRequest:ActivityTimeout"] = "00:00:30";
        }

        // The console: every path that is not the API, the token server, the gateway's own pages, its documents
        // or its health is a page of the console (a catch-all loses to every more specific route).
        values[$"ReverseProxy:Routes:{ConsoleCluster}:ClusterId"] = ConsoleCluster;
        values[$"ReverseProxy:Routes:{ConsoleCluster}:Match:Path"] = "/{**rest}";
        values[$"ReverseProxy:Routes:{ConsoleCluster}:AuthorizationPolicy"] = "anonymous";
        values[$"ReverseProxy:Routes:{ConsoleCluster}:Timeout"] = "00:00:30";
        values[$"ReverseProxy:Routes:{ConsoleCluster}:Order"] = "1000";
        values[$"ReverseProxy:Clusters:{ConsoleCluster}:Destinations:d1:Address"] = "http://localhost:5106/";
        values[$"ReverseProxy:Clusters:{ConsoleCluster}:HttpRequest:ActivityTimeout"] = "00:00:30";
        return values;
    }

    /// <summary>The cluster of the console (services/Console), which serves the pages people use.</summary>
    public const string ConsoleCluster = "console";
}
