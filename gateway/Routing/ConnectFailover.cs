using System.Diagnostics.Metrics;
using Programmes.ServiceDefaults;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Programmes.Gateway.Routing;

/// <summary>
/// When a service has several instances and the one chosen could not even be connected to (refused, name
/// gone, connect timeout: an instance stopping, restarting or dead before the health checks notice), the
/// call goes to another instance instead of failing. Only calls that never reached a service are sent
/// again, so this is safe for every method, POSTs included; a call that reached a service and failed there
/// is answered as it is. Runs before load balancing, so each attempt is balanced among the instances not
/// yet tried, and the passive health check counts every failed attempt.
/// </summary>
internal static class ConnectFailover
{
    private static readonly Counter<long> Failovers = Telemetry.CreateMeter("Gateway").CreateCounter<long>(
        "programmes.gateway.failovers", description: "Calls sent to another instance because the first could not be connected to");

    public static async Task RetryAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        while (true)
        {
            await next();
            var error = context.GetForwarderErrorFeature();
            if (error is null || context.Response.HasStarted || !NeverReachedTheService(error)
                || proxy.ProxiedDestination is not { } failed)
            {
                return;
            }
            candidates = candidates.Where(d => d != failed).ToList();
            if (candidates.Count == 0)
            {
                return;
            }
            Failovers.Add(1, new KeyValuePair<string, object?>("cluster", proxy.Cluster.Config.ClusterId));
            proxy.AvailableDestinations = candidates;
            proxy.ProxiedDestination = null;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }

    private static bool NeverReachedTheService(IForwarderErrorFeature error) =>
        error.Error == ForwarderError.Request && IsConnectFailure(error.Exception);

    private static bool IsConnectFailure(Exception? exception) => exception switch
    {
        null => false,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
        _ => IsConnectFailure(exception.InnerException),
    };
}
