using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Gateway.Routing;
using Yarp.ReverseProxy;

namespace Programmes.Gateway.Operations;

public sealed record ServiceHealth(string Service, string Status, string Address, double DurationMs, string? Detail);

public sealed record BrokerHealth(string Status, long DeadLetters, long QueuedMessages, string? Detail);

public sealed record SystemHealth(string Status, ServiceHealth[] Services, BrokerHealth Broker);

/// <summary>
/// <c>GET /api/operations/health</c>: every service's readiness (<c>/health/ready</c>) asked in parallel,
/// each with a short deadline, so a service that hangs shows as Unhealthy instead of hanging the answer.
/// A service reports Degraded itself when its outbox holds an event older than its threshold; the broker
/// part is Degraded while any dead letter waits for operations.
/// </summary>
internal static class AggregatingHealth
{
    public const string HttpClientName = "health";

    public static void MapAggregatingHealth(this RouteGroupBuilder operations) => operations.MapGet("/health", Handle);

    private static async Task<Ok<SystemHealth>> Handle(IProxyStateLookup proxy, IHttpClientFactory clients, DeadLetterQueues queues, CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(HttpClientName);
        var checks = RouteTable.Services.Select(route => CheckClusterAsync(route.Cluster, proxy, http, cancellationToken));
        var broker = CheckBrokerAsync(queues, cancellationToken);
        var services = (await Task.WhenAll(checks)).SelectMany(instances => instances).ToArray();
        var brokerHealth = await broker;
        var status = services.All(s => s.Status == "Healthy") && brokerHealth.Status == "Healthy" ? "Healthy"
            : services.Any(s => s.Status == "Healthy" || s.Status == "Degraded") ? "Degraded"
            : "Unhealthy";
        return TypedResults.Ok(new SystemHealth(status, services, brokerHealth));
    }

    private static async Task<BrokerHealth> CheckBrokerAsync(DeadLetterQueues queues, CancellationToken cancellationToken)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(3));
            var statistics = await queues.QueuesAsync(deadline.Token);
            var dead = statistics.Where(q => q.IsDeadLetterQueue && q.Messages > 0).ToList();
            var queued = statistics.Where(q => !q.IsDeadLetterQueue).Sum(q => q.Messages);
            return dead.Count == 0
                ? new BrokerHealth("Healthy", 0, queued, null)
                : new BrokerHealth("Degraded", dead.Sum(q => q.Messages), queued,
                    $"Dead letters wait in {string.Join(", ", dead.Select(q => $"{q.Queue} ({q.Messages})"))}: see /api/operations/dead-letters.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            return new BrokerHealth("Unhealthy", 0, 0, "The broker's management API did not answer.");
        }
    }

    /// <summary>Every instance (YARP destination) of a service, each listed on its own.</summary>
    private static async Task<ServiceHealth[]> CheckClusterAsync(string cluster, IProxyStateLookup proxy, HttpClient http, CancellationToken cancellationToken)
    {
        if (!proxy.TryGetCluster(cluster, out var state) || state.Destinations.IsEmpty)
        {
            return [new ServiceHealth(cluster, "Unhealthy", "", 0, "No destination is configured.")];
        }
        return await Task.WhenAll(state.Destinations.Values.Select(d => CheckAsync(cluster, d.Model.Config.Address, http, cancellationToken)));
    }

    private static async Task<ServiceHealth> CheckAsync(string cluster, string address, HttpClient http, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(new Uri(new Uri(address), "/health/ready"), cancellationToken);
            var status = response.IsSuccessStatusCode ? "Healthy" : "Unhealthy";
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                if (body.RootElement.TryGetProperty("status", out var reported) && reported.GetString() is { } text)
                {
                    status = text;
                }
            }
            return new ServiceHealth(cluster, status, address, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ServiceHealth(cluster, "Unhealthy", address, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                ex is TaskCanceledException ? "No answer in time." : "Unreachable.");
        }
    }
}
