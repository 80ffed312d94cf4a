using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;
using Programmes.Testing;
using Xunit;

namespace Programmes.EndToEnd.Tests;

/// <summary>
/// Intake and planning exporting their traces to the Aspire dashboard, as in compose, with the dashboard's
/// telemetry HTTP API behind an API key: what operators query from scripts instead of the UI.
/// </summary>
public sealed class DashboardSystem() : TestSystem(Services.Intake | Services.Planning)
{
    public const string ApiKey = "test-telemetry-api-key";

    public IContainer Dashboard { get; } = Infrastructure.Labelled(new ContainerBuilder(Infrastructure.DashboardImage))
        .WithEnvironment("DASHBOARD__FRONTEND__AUTHMODE", "Unsecured")
        .WithEnvironment("DASHBOARD__OTLP__AUTHMODE", "Unsecured")
        .WithEnvironment("DASHBOARD__API__ENABLED", "true")
        .WithEnvironment("DASHBOARD__API__AUTHMODE", "ApiKey")
        .WithEnvironment("DASHBOARD__API__PRIMARYAPIKEY", ApiKey)
        .WithPortBinding(18888, assignRandomHostPort: true)
        .WithPortBinding(18890, assignRandomHostPort: true)
        .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r.ForPort(18888).ForPath("/api/telemetry/resources")
            .ForStatusCode(HttpStatusCode.Unauthorized)))
        .Build();

    public Uri DashboardUrl => new($"http://{Dashboard.Hostname}:{Dashboard.GetMappedPublicPort(18888)}/");

    public override async Task InitializeAsync()
    {
        await Dashboard.StartAsync();
        var otlp = new Uri($"http://{Dashboard.Hostname}:{Dashboard.GetMappedPublicPort(18890)}/v1/traces");
        // Every app of the test process shares its ActivitySources, so the gateway's exporter sends every
        // component's spans; the services' own exporters would send each span three times.
        Configure = (service, builder) =>
        {
            if (service == Services.None)
            {
                builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddOtlpExporter(o =>
                {
                    o.Endpoint = otlp;
                    o.Protocol = OtlpExportProtocol.HttpProtobuf;
                    o.ExportProcessorType = OpenTelemetry.ExportProcessorType.Simple;
                }));
            }
        };
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Dashboard.DisposeAsync();
    }
}

public sealed class TelemetryApiTests(DashboardSystem system) : IClassFixture<DashboardSystem>
{
    [Fact]
    public async Task The_telemetry_api_refuses_a_caller_without_the_key()
    {
        using var anonymous = new HttpClient { BaseAddress = system.DashboardUrl };
        await anonymous.GetAsync("/api/telemetry/traces").ShouldBe(HttpStatusCode.Unauthorized);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/telemetry/traces") { Headers = { { "x-api-key", "not-the-key" } } };
        await anonymous.SendAsync(wrong).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_operator_finds_a_requests_journey_across_services_by_its_request_id()
    {
        var journey = await Journey.StartAsync(system, partnersAndDonors: false);
        await journey.SubmitAsync();
        await journey.AcceptAsync();
        var requestId = journey.RequestId.ToString();

        using var operations = new HttpClient { BaseAddress = system.DashboardUrl };
        operations.DefaultRequestHeaders.Add("x-api-key", DashboardSystem.ApiKey);
        // The submission's trace: the State's POST through the gateway, and planning consuming the event it caused.
        await Eventually.GetAsync(async () =>
        {
            var traces = await operations.GetFromJsonAsync<JsonElement>("/api/telemetry/traces?limit=1000");
            var spans = Spans(traces).ToList();
            var traceIds = spans.Where(s => Attribute(s, "programmes.request_id")?.Contains(requestId, StringComparison.Ordinal) == true)
                .Select(s => s.GetProperty("traceId").GetString()).ToHashSet();
            var journey = spans.Where(s => traceIds.Contains(s.GetProperty("traceId").GetString())).ToList();
            var found = journey.Where(s => s.GetProperty("name").GetString() == "POST /api/intake/requests" || s.GetProperty("kind").GetInt32() == 5)
                .Select(s => s.GetProperty("kind").GetInt32()).ToHashSet();
            return found.Contains(2) && found.Contains(5) ? found : null;
        }, what: "the request's trace with the gateway's server span and planning's consumer span in the dashboard");
    }

    private static IEnumerable<JsonElement> Spans(JsonElement traces) =>
        from resource in traces.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
        from scope in resource.GetProperty("scopeSpans").EnumerateArray()
        from span in scope.GetProperty("spans").EnumerateArray()
        select span;

    private static string? Attribute(JsonElement span, string key) =>
        span.TryGetProperty("attributes", out var attributes)
            ? attributes.EnumerateArray().Where(a => a.GetProperty("key").GetString() == key)
                .Select(a => a.GetProperty("value").TryGetProperty("stringValue", out var v) ? v.GetString() : a.GetProperty("value").ToString())
                .FirstOrDefault()
            : null;
}
