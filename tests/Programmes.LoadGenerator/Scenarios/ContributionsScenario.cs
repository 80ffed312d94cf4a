using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.LoadGenerator.Driving;
using Programmes.LoadGenerator.Recording;
using Programmes.LoadGenerator.Targets;
using Programmes.ServiceDefaults;

namespace Programmes.LoadGenerator.Scenarios;

/// <summary>
/// A donor's system posts pledges with an Idempotency-Key and, one time in ten, retries the same post at once
/// (as after a lost answer). Every retry must answer with the first post's pledge.
/// </summary>
public sealed class ContributionsScenario(LoadClients clients, Recorder recorder) : IScenario
{
    private const string Donor = "DONOR-NOR";
    private readonly ConcurrentDictionary<long, Guid> _pledges = new();
    private int _retries;
    private int _retryMismatches;

    public string Operation => "pledge";

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await DonorRegistration.EnsureAsync(clients, Donor, cancellationToken);
        await clients.PrepareAsync(Roles.Donor, Donor, cancellationToken);
    }

    public async Task RunOnceAsync(long n, long scheduledAt, CancellationToken cancellationToken)
    {
        var key = $"load-{Guid.NewGuid():N}";
        var body = Bodies.Pledge(n, 1_000m + n % 1000, "ThematicArea", "RATIFICATION");
        var first = await PostAsync(Operation, key, body, scheduledAt, cancellationToken);
        if (n % 10 != 9)
        {
            return;
        }
        var retry = await PostAsync("pledge-retry", key, body, null, cancellationToken);
        Interlocked.Increment(ref _retries);
        if (first is null || first != retry)
        {
            Interlocked.Increment(ref _retryMismatches);
        }
    }

    public Task ReportAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine($"idempotency: {_retries} retries with the same Idempotency-Key; {_retryMismatches} answered with another (or no) pledge{(_retryMismatches == 0 ? " (OK)" : " (MISMATCH)")}");
        return Task.CompletedTask;
    }

    private async Task<Guid?> PostAsync(string operation, string key, object body, long? scheduledAt, CancellationToken cancellationToken)
    {
        using var response = await Timed.SendAsync(recorder, operation, async () =>
        {
            var request = await clients.RequestAsync(Roles.Donor, Donor, HttpMethod.Post, "/api/funding/pledges", body, cancellationToken);
            request.Headers.Add("Idempotency-Key", key);
            return await clients.SendRequestAsync(request, cancellationToken);
        }, scheduledAt);
        return response is { StatusCode: HttpStatusCode.Created or HttpStatusCode.OK }
            ? (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid()
            : null;
    }
}
