using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests;

/// <summary>
/// All four services behind the gateway, with rate limits high enough for the matrix's hundreds of calls and a
/// short client-status cache so a revocation shows within a poll or two.
/// </summary>
public sealed class WholeSystem : TestSystem
{
    public WholeSystem()
    {
        foreach (var role in Programmes.ServiceDefaults.Roles.All)
        {
            Settings[$"RateLimits:{role}:TokensPerSecond"] = "10000";
            Settings[$"RateLimits:{role}:Burst"] = "10000";
        }
        Settings["Auth:ClientStatusCacheDuration"] = "00:00:00.200";
    }
}

[CollectionDefinition(Name)]
public sealed class WholeSystemCollection : ICollectionFixture<WholeSystem>
{
    public const string Name = "whole system";
}

/// <summary>
/// The gateway's edges: a tight rate limit for partners, a 1 KB body limit on the funding route, and planning
/// recording the headers it receives from the gateway. Coordination is there to be stopped. Planning has a
/// second instance that refuses every connection, like one stopping or not yet started.
/// </summary>
public sealed class EdgeSystem : TestSystem
{
    public const int PartnerTokensPerSecond = 1;
    public const int PartnerBurst = 3;
    public const int FundingBodyLimit = 1024;
    public const string SlowPath = "/api/planning/test-slow";

    public EdgeSystem() : base(Services.Planning | Services.Funding | Services.Coordination)
    {
        Settings[$"RateLimits:partner:TokensPerSecond"] = PartnerTokensPerSecond.ToString();
        Settings[$"RateLimits:partner:Burst"] = PartnerBurst.ToString();
        Settings["Auth:ClientStatusCacheDuration"] = "00:00:00.200";
        Settings["ReverseProxy:Routes:funding:Metadata:MaxRequestBodyBytes"] = FundingBodyLimit.ToString();
        Settings["ReverseProxy:Clusters:planning:Destinations:refusing:Address"] = $"http://127.0.0.1:{((IPEndPoint)refusing.LocalEndPoint!).Port}/";
        // A route with a one-second timeout to an answer planning gives after five.
        Settings["ReverseProxy:Routes:planning-slow:ClusterId"] = "planning";
        Settings["ReverseProxy:Routes:planning-slow:Match:Path"] = SlowPath;
        Settings["ReverseProxy:Routes:planning-slow:AuthorizationPolicy"] = "anonymous";
        Settings["ReverseProxy:Routes:planning-slow:Timeout"] = "00:00:01";
        Configure = (service, builder) =>
        {
            if (service == Services.Planning)
            {
                builder.Services.AddSingleton<IStartupFilter>(new RecordingHeaders(PlanningHeaders));
            }
        };
    }

    /// <summary>
    /// A loopback port bound but never listened on, held for the system's lifetime: connections to it are refused at
    /// once. It comes from outside the ephemeral range, where another project's container could be published.
    /// </summary>
    private readonly Socket refusing = BoundNotListening();

    private static Socket BoundNotListening()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, LoopbackPorts.Free()));
        return socket;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        refusing.Dispose();
    }

    /// <summary>The request headers of the last call planning received, by name.</summary>
    public ConcurrentDictionary<string, string> PlanningHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);

    private sealed class RecordingHeaders(ConcurrentDictionary<string, string> seen) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, proceed) =>
            {
                if (context.Request.Path == SlowPath)
                {
                    // Answers after five seconds, or not at all once the gateway gives up.
                    await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    return;
                }
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    foreach (var header in context.Request.Headers)
                    {
                        seen[header.Key] = header.Value.ToString();
                    }
                }
                await proceed(context);
            });
            next(app);
        };
    }
}

[CollectionDefinition(Name)]
public sealed class EdgeSystemCollection : ICollectionFixture<EdgeSystem>
{
    public const string Name = "edge system";
}
