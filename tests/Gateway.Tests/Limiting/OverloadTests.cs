using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Programmes.ServiceDefaults;
using Programmes.Testing;
using Xunit;

namespace Programmes.Gateway.Tests.Limiting;

/// <summary>The concurrency limit every process has: excess is refused at once, never left waiting.</summary>
public sealed class OverloadTests
{
    [Fact]
    public async Task Beyond_the_places_and_the_queue_a_request_is_refused_with_503_and_Retry_After_within_100_ms()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Overload:MaxConcurrentRequests"] = "1";
        builder.Configuration["Overload:QueueLimit"] = "1";
        builder.Configuration["Overload:QueueTimeout"] = "00:00:00.050";
        builder.Services.AddProblemDetails();
        await using var app = builder.Build();
        app.UseOverloadProtection();
        app.MapGet("/slow", async () => { await release.Task; return "done"; });
        app.MapGet("/fast", () => "done");
        app.MapGet("/health/live", () => "alive");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var holding = http.GetAsync("/slow");
        await Eventually.TrueAsync(async () => (await http.GetAsync("/fast")).StatusCode == HttpStatusCode.ServiceUnavailable,
            timeout: TimeSpan.FromSeconds(10), what: "the single place to be taken");

        // Queued: waits its 50 ms, then is refused. Queue full: refused at once.
        var clock = Stopwatch.StartNew();
        var refused = await Task.WhenAll(http.GetAsync("/fast"), http.GetAsync("/fast"));
        var elapsed = clock.Elapsed;
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(ProblemTypes.Overloaded, await response.Content.ReadAsStringAsync());
        }
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"refusals took {elapsed.TotalMilliseconds:F0} ms");
        // Health is never refused, so an overloaded process is not taken for a dead one.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);

        release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await holding).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/fast")).StatusCode);
        await app.StopAsync();
    }
}
