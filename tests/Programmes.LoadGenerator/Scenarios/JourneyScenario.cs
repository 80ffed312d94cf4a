using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.LoadGenerator.Checking;
using Programmes.LoadGenerator.Driving;
using Programmes.LoadGenerator.Recording;
using Programmes.LoadGenerator.Targets;
using Programmes.ServiceDefaults;

namespace Programmes.LoadGenerator.Scenarios;

/// <summary>
/// The whole journey across the four services: Kenya submits; staff accept; planning hears of the acceptance;
/// staff draft a programme for the request, set its markers and a cleared compliance review, and propose it;
/// coordination opens a clearance round and every addressed partner concurs; a donor pledges and pays the
/// programme's cost (budget + 13 % support cost), funding allocates it; planning approves the programme.
/// Each step is timed on its own ("journey.&lt;step&gt;"); "journey" is the whole, "ok" or "failed-at-&lt;step&gt;".
/// Like a careful client, every step is retried with backoff on 429, 502-504 or no answer until the step's deadline: creating
/// calls carry an Idempotency-Key, and a transition retried after a lost answer accepts 409 (already done).
/// </summary>
public sealed class JourneyScenario(LoadClients clients, Recorder recorder, IntakeConsistency consistency, LoadOptions options) : IScenario
{
    private const string State = "KEN";
    private const string Donor = "DONOR-NOR";
    private const decimal Budget = 10_000m;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(120);
    private readonly string _run = Guid.NewGuid().ToString("N")[..12];
    private int _started;
    private int _approved;
    private int _retries;

    public string Operation => "journey";

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await clients.PrepareAsync(Roles.State, State, cancellationToken);
        await clients.PrepareAsync(Roles.Staff, "staff", cancellationToken);
        await clients.PrepareAsync(Roles.Partner, "CTED", cancellationToken);
        // The gateway registers a donor client only for a donor funding knows.
        await DonorRegistration.EnsureAsync(clients, Donor, cancellationToken);
        await clients.PrepareAsync(Roles.Donor, Donor, cancellationToken);
    }

    public async Task RunOnceAsync(long n, long scheduledAt, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        var step = "submit";
        try
        {
            var created = await CallAsync(step, Roles.State, State, HttpMethod.Post, "/api/intake/requests", Bodies.Request(n, State), HttpStatusCode.Created, cancellationToken,
                idempotencyKey: $"load-{_run}-{n}");
            var requestId = created.GetProperty("id").GetGuid();
            consistency.Submitted(requestId);
            step = "accept";
            await CallAsync(step, Roles.Staff, "staff", HttpMethod.Post, $"/api/intake/requests/{requestId}/accept", null, HttpStatusCode.OK, cancellationToken, done: HttpStatusCode.Conflict);
            step = "wait-planning-intake";
            await UntilAsync(step, $"/api/planning/intake-items?requestId={requestId}",
                page => page.GetProperty("items") is var items && items.GetArrayLength() == 1 && items[0].GetProperty("acceptedAt").ValueKind == JsonValueKind.String, cancellationToken);
            step = "draft";
            var programme = await CallAsync(step, Roles.Staff, "staff", HttpMethod.Post, "/api/planning/programmes", Bodies.Programme(requestId, State, Budget), HttpStatusCode.Created, cancellationToken,
                idempotencyKey: $"load-draft-{requestId}");
            var programmeId = programme.GetProperty("id").GetGuid();
            step = "review";
            await CallAsync("markers", Roles.Staff, "staff", HttpMethod.Put, $"/api/planning/programmes/{programmeId}/markers", new { genderMarker = 1, childrenConcerned = false }, HttpStatusCode.OK, cancellationToken);
            await CallAsync(step, Roles.Staff, "staff", HttpMethod.Put, $"/api/planning/programmes/{programmeId}/compliance-review", new { outcome = "Cleared", reviewer = "Load generator" }, HttpStatusCode.OK, cancellationToken);
            step = "propose";
            await CallAsync(step, Roles.Staff, "staff", HttpMethod.Post, $"/api/planning/programmes/{programmeId}/proposal", null, HttpStatusCode.OK, cancellationToken, done: HttpStatusCode.Conflict);
            step = "fund";
            var amount = Budget * 1.13m;
            var pledge = await CallAsync(step, Roles.Donor, Donor, HttpMethod.Post, "/api/funding/pledges", Bodies.Pledge(n, amount, "Programme", programmeId.ToString()), HttpStatusCode.Created, cancellationToken, idempotencyKey: $"load-pledge-{programmeId}");
            await CallAsync("pay", Roles.Donor, Donor, HttpMethod.Post, $"/api/funding/pledges/{pledge.GetProperty("id").GetGuid()}/payments",
                new { amount, currency = "USD", valueDate = Bodies.Today.ToString("O"), bankReference = $"LOAD-{n}" }, HttpStatusCode.Created, cancellationToken, idempotencyKey: $"load-pay-{programmeId}");
            step = "wait-clearance-round";
            var rounds = (await UntilAsync(step, $"/api/coordination/rounds?programmeId={programmeId}", r => r.GetProperty("items").GetArrayLength() > 0, cancellationToken)).GetProperty("items");
            step = "clear";
            foreach (var addressee in rounds[0].GetProperty("addressees").EnumerateArray().Where(a => a.GetProperty("answer").ValueKind == JsonValueKind.Null))
            {
                await CallAsync(step, Roles.Partner, addressee.GetProperty("partnerCode").GetString()!, HttpMethod.Post,
                    $"/api/coordination/rounds/{rounds[0].GetProperty("id").GetGuid()}/answers", new { answer = "Concur" }, HttpStatusCode.OK, cancellationToken, done: HttpStatusCode.Conflict);
            }
            step = "wait-approved";
            await UntilAsync(step, $"/api/planning/programmes/{programmeId}", p => p.GetProperty("status").GetString() == "Approved", cancellationToken);
            Interlocked.Increment(ref _approved);
            recorder.Record(Operation, Stopwatch.GetElapsedTime(scheduledAt), "ok");
        }
        catch (Exception ex) when (ex is JourneyStepFailed or HttpRequestException or TaskCanceledException or KeyNotFoundException or InvalidOperationException)
        {
            recorder.Record(Operation, Stopwatch.GetElapsedTime(scheduledAt), $"failed-at-{step}");
        }
    }

    public async Task ReportAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine($"journeys approved: {_approved} of {_started} started ({_retries} calls retried)");
        await consistency.ReportAsync(options.Settle, cancellationToken);
    }

    /// <summary>
    /// One call of a step, retried while the answer is transient (429, 502-504, none) and the step's deadline
    /// has not passed. <paramref name="done"/> is the status that, on a retry, means an earlier attempt whose
    /// answer was lost already took effect.
    /// </summary>
    private async Task<JsonElement> CallAsync(string step, string role, string party, HttpMethod method, string path, object? body, HttpStatusCode expected,
        CancellationToken cancellationToken, string? idempotencyKey = null, HttpStatusCode? done = null)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            using var response = await Timed.SendAsync(recorder, $"journey.{step}", async () =>
            {
                var request = await clients.RequestAsync(role, party, method, path, body, cancellationToken);
                if (idempotencyKey is not null)
                {
                    request.Headers.Add("Idempotency-Key", idempotencyKey);
                }
                return await clients.SendRequestAsync(request, cancellationToken);
            });
            if (response?.StatusCode == expected)
            {
                return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            }
            if (attempt > 1 && done is not null && response?.StatusCode == done)
            {
                return default;
            }
            if (!IsTransient(response) || Stopwatch.GetElapsedTime(started) > StepTimeout)
            {
                throw new JourneyStepFailed();
            }
            Interlocked.Increment(ref _retries);
            await Task.Delay(Backoff(response, attempt), cancellationToken);
        }
    }

    /// <summary>The server's Retry-After when it gives one (at most 5 s), else 250 ms doubling up to 4 s.</summary>
    private static TimeSpan Backoff(HttpResponseMessage? response, int attempt) =>
        response?.Headers.RetryAfter?.Delta is { } after
            ? TimeSpan.FromSeconds(Math.Min(after.TotalSeconds, 5))
            : TimeSpan.FromMilliseconds(Math.Min(250 * (1 << Math.Min(attempt - 1, 4)), 4_000));

    private static bool IsTransient(HttpResponseMessage? response) => response is null || (int)response.StatusCode is 429 or 502 or 503 or 504;

    /// <summary>Polls as staff until the answer satisfies <paramref name="done"/>; records the wait as one step.</summary>
    private async Task<JsonElement> UntilAsync(string step, string path, Func<JsonElement, bool> done, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < StepTimeout)
        {
            using var response = await clients.SendAsync(Roles.Staff, "staff", HttpMethod.Get, path, null, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK && await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken) is var answer && done(answer))
            {
                recorder.Record($"journey.{step}", Stopwatch.GetElapsedTime(started), "ok");
                return answer;
            }
            await Task.Delay(100, cancellationToken);
        }
        recorder.Record($"journey.{step}", Stopwatch.GetElapsedTime(started), "timeout");
        throw new JourneyStepFailed();
    }

    private sealed class JourneyStepFailed : Exception;
}
