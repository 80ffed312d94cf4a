using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Programmes.Gateway;
using Programmes.Gateway.Clients;
using Programmes.Messaging;
using Xunit;

namespace Programmes.Testing;

/// <summary>The services a test system can start behind its gateway.</summary>
[Flags]
public enum Services
{
    None = 0,
    Intake = 1,
    Planning = 2,
    Coordination = 4,
    Funding = 8,
    All = Intake | Planning | Coordination | Funding,
}

/// <summary>
/// The whole system in the test process, on real PostgreSQL and RabbitMQ: the gateway and the chosen
/// services, each on its own loopback port with its own fresh database and a shared fresh virtual host.
/// Clients call it only through the gateway, with real tokens. Spans of every component are collected
/// in <see cref="Spans"/>.
/// </summary>
public partial class TestSystem : IAsyncLifetime
{
    private readonly Services _services;
    private readonly List<WebApplication> _apps = [];
    private readonly Dictionary<string, string> _tokens = [];

    public TestSystem() : this(Services.All)
    {
    }

    protected TestSystem(Services services) => _services = services;

    public Uri GatewayUrl { get; private set; } = null!;
    public string RabbitMqUri { get; private set; } = null!;
    public WebApplication Gateway { get; private set; } = null!;
    public Dictionary<Services, WebApplication> ServiceApps { get; } = [];
    public Dictionary<Services, Uri> ServiceUrls { get; } = [];
    public Dictionary<string, string> ConnectionStrings { get; } = [];

    /// <summary>The configuration each service was started with, so that a test can start it again.</summary>
    public Dictionary<Services, Dictionary<string, string?>> ServiceSettings { get; } = [];

    /// <summary>Every finished span of every component, in the order they ended.</summary>
    public List<Activity> Spans { get; } = [];

    /// <summary>Extra configuration for every app (e.g. shorter deadlines); set before InitializeAsync.</summary>
    public Dictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Messaging:Outbox:PollInterval"] = "00:00:00.500",
        ["Messaging:Retry:Limit"] = "5",
        ["Messaging:Retry:MinInterval"] = "00:00:00.050",
        ["Messaging:Retry:MaxInterval"] = "00:00:00.500",
        ["Messaging:Retry:Delta"] = "00:00:00.050",
    }.Concat(Programmes.ServiceDefaults.Roles.All.SelectMany(role => new[]
    {
        // Tests poll; the gateway's rate limits are tested on their own.
        new KeyValuePair<string, string?>($"RateLimits:{role}:TokensPerSecond", "100000"),
        new KeyValuePair<string, string?>($"RateLimits:{role}:Burst", "100000"),
    })).ToDictionary();

    /// <summary>Per-service hook to replace registrations (a fake clock, say) before the app is built.</summary>
    public Action<Services, WebApplicationBuilder>? Configure { get; set; }

    public virtual async Task InitializeAsync()
    {
        RabbitMqUri = await CreateVirtualHostAsync();
        var gatewayPort = LoopbackPorts.Free();
        GatewayUrl = new Uri($"http://127.0.0.1:{gatewayPort}/");
        var ports = new Dictionary<Services, int>();
        foreach (var service in Selected())
        {
            ports[service] = LoopbackPorts.Free();
            ServiceUrls[service] = new Uri($"http://127.0.0.1:{ports[service]}/");
        }

        var gatewaySettings = new Dictionary<string, string?>(Settings)
        {
            ["ConnectionStrings:Database"] = ConnectionStrings["gateway"] = await CreateDatabaseAsync("gateway"),
            ["Auth:Authority"] = GatewayUrl.ToString(),
            ["ConnectionStrings:RabbitMq"] = RabbitMqUri,
            ["RabbitMq:ManagementUrl"] = await Infrastructure.RabbitMqManagementUrlAsync(),
            ["OTEL_SERVICE_NAME"] = "gateway",
        };
        for (var i = 0; i < TestClients.All.Count; i++)
        {
            var client = TestClients.All[i];
            gatewaySettings[$"DemoClients:Clients:{i}:ClientId"] = client.ClientId;
            gatewaySettings[$"DemoClients:Clients:{i}:ClientSecret"] = client.ClientSecret;
            gatewaySettings[$"DemoClients:Clients:{i}:Role"] = client.Role;
            gatewaySettings[$"DemoClients:Clients:{i}:Subject"] = client.Subject;
            gatewaySettings[$"DemoClients:Clients:{i}:DisplayName"] = client.DisplayName;
        }
        for (var i = 0; i < TestUsers.All.Count; i++)
        {
            var user = TestUsers.All[i];
            gatewaySettings[$"DemoUsers:Users:{i}:UserName"] = user.UserName;
            gatewaySettings[$"DemoUsers:Users:{i}:Password"] = user.Password;
            gatewaySettings[$"DemoUsers:Users:{i}:Role"] = user.Role;
            gatewaySettings[$"DemoUsers:Users:{i}:Party"] = user.Party;
            gatewaySettings[$"DemoUsers:Users:{i}:DisplayName"] = user.DisplayName;
            gatewaySettings[$"DemoUsers:Users:{i}:TotpKey"] = user.TotpKey;
        }
        foreach (var service in Selected())
        {
            gatewaySettings[$"ReverseProxy:Clusters:{ClusterOf(service)}:Destinations:d1:Address"] = ServiceUrls[service].ToString();
        }

        Gateway = GatewayService.Build(AsArgs(GatewayUrl, gatewaySettings), builder =>
        {
            // One collector sees every component's spans: all apps share the process's ActivitySources.
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            Configure?.Invoke(Services.None, builder);
        });
        await Gateway.PrepareAsync();
        await Gateway.StartAsync();
        _apps.Add(Gateway);

        foreach (var service in Selected())
        {
            var settings = new Dictionary<string, string?>(Settings)
            {
                ["ConnectionStrings:Database"] = ConnectionStrings[ClusterOf(service)] = await CreateDatabaseAsync(ClusterOf(service)),
                ["ConnectionStrings:RabbitMq"] = RabbitMqUri,
                ["Auth:Authority"] = GatewayUrl.ToString(),
                ["OTEL_SERVICE_NAME"] = ClusterOf(service),
            };
            ServiceSettings[service] = settings;
            var app = await StartServiceAsync(service, ServiceUrls[service], settings);
            ServiceApps[service] = app;
            _apps.Add(app);
        }
    }

    /// <summary>Where the system's databases live: a fresh database on the shared PostgreSQL unless overridden.</summary>
    protected virtual Task<string> CreateDatabaseAsync(string prefix) => Infrastructure.CreateDatabaseAsync(prefix);

    /// <summary>The system's broker: a fresh virtual host on the shared RabbitMQ unless overridden.</summary>
    protected virtual Task<string> CreateVirtualHostAsync() => Infrastructure.CreateVirtualHostAsync();

    /// <summary>
    /// Stops a running service and frees its address. How much it drains first is the service's
    /// configuration (e.g. MassTransit's ConsumerStopTimeout set through <see cref="Configure"/>): a stop
    /// that is cancelled instead would leave its bus consuming into a disposed container.
    /// </summary>
    public async Task StopServiceAsync(Services service)
    {
        var app = ServiceApps[service];
        ServiceApps.Remove(service);
        _apps.Remove(app);
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Starts a new instance of a stopped service on the same address, database and virtual host.</summary>
    public async Task<WebApplication> StartServiceAsync(Services service)
    {
        var app = await StartServiceAsync(service, ServiceUrls[service], ServiceSettings[service]);
        ServiceApps[service] = app;
        _apps.Add(app);
        return app;
    }

    /// <summary>Builds, migrates and starts one service; used again by tests that restart a service.</summary>
    public async Task<WebApplication> StartServiceAsync(Services service, Uri url, Dictionary<string, string?> settings)
    {
        void Apply(WebApplicationBuilder builder) => Configure?.Invoke(service, builder);
        var args = AsArgs(url, settings);
        var app = service switch
        {
            Services.Intake => Programmes.RequestIntake.RequestIntakeService.Build(args, Apply),
            Services.Planning => Programmes.ProgrammePlanning.ProgrammePlanningService.Build(args, Apply),
            Services.Coordination => Programmes.PartnerCoordination.PartnerCoordinationService.Build(args, Apply),
            Services.Funding => Programmes.Funding.FundingService.Build(args, Apply),
            _ => throw new ArgumentOutOfRangeException(nameof(service)),
        };
        await (service switch
        {
            Services.Intake => app.MigrateDatabaseAsync<Programmes.RequestIntake.Persistence.IntakeDb>(),
            Services.Planning => app.MigrateDatabaseAsync<Programmes.ProgrammePlanning.Persistence.PlanningDb>(),
            Services.Coordination => app.MigrateDatabaseAsync<Programmes.PartnerCoordination.Persistence.CoordinationDb>(),
            _ => app.MigrateDatabaseAsync<Programmes.Funding.Persistence.FundingDb>(),
        });
        await app.StartAsync();
        // The host's start does not wait for the bus (MassTransit's WaitUntilStarted is off): a test that
        // publishes at once would publish before the service's queues are bound, and RabbitMQ drops it.
        var bus = await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromMinutes(1));
        if (bus != BusHealthStatus.Healthy)
        {
            throw new TimeoutException($"{service}'s bus was still {bus} a minute after the service started.");
        }
        return app;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var app in Enumerable.Reverse(_apps))
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public static string ClusterOf(Services service) => service switch
    {
        Services.Intake => "intake",
        Services.Planning => "planning",
        Services.Coordination => "coordination",
        Services.Funding => "funding",
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    private IEnumerable<Services> Selected() =>
        new[] { Services.Intake, Services.Planning, Services.Coordination, Services.Funding }.Where(s => _services.HasFlag(s));

    /// <summary>Settings travel as command-line arguments: the apps read them while building, before any hook runs.</summary>
    private static string[] AsArgs(Uri url, Dictionary<string, string?> settings) =>
        [$"--urls={url}", .. settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}")];
}
