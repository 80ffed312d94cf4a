using System.Net;

namespace Programmes.LoadGenerator.Targets;

/// <summary>The system under load: where its gateways are, how to administer clients, where planning's data is.</summary>
public abstract class Target : IAsyncDisposable
{
    private int _next = -1;

    protected Target(IReadOnlyList<Uri> gateways)
    {
        Gateways = gateways;
        // One pool for every call; generous limits so the generator is not the bottleneck it measures.
        Http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 2048,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public IReadOnlyList<Uri> Gateways { get; }
    public HttpClient Http { get; }

    /// <summary>A staff client that may register load clients through the admin API.</summary>
    public abstract (string ClientId, string Secret) Administrator { get; }

    /// <summary>Planning's database (intake items), or null when unknown.</summary>
    public abstract string? PlanningDb { get; }

    /// <summary>Funding's database, for the payments scenario's money check.</summary>
    public abstract string FundingDb { get; }

    /// <summary>Funding's own address (its /metrics), for the payments scenario's gauge check.</summary>
    public abstract Uri FundingService { get; }

    /// <summary>Planning's own address, for the plain-proxy comparison.</summary>
    public abstract Uri PlanningService { get; }

    /// <summary>Whether the rate limits of the deployment are in force (in-process they are lifted, as in the tests).</summary>
    public abstract bool RateLimited { get; }

    /// <summary>The next gateway, round robin.</summary>
    public Uri NextGateway() => Gateways[(int)((uint)Interlocked.Increment(ref _next) % Gateways.Count)];

    /// <summary>Prints the resident memory of each service process.</summary>
    public abstract Task PrintMemoryAsync();

    public virtual ValueTask DisposeAsync()
    {
        Http.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
