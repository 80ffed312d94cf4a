using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Programmes.Messaging.Idempotency;
using Programmes.Testing;

namespace Programmes.Reliability.Tests;

/// <summary>
/// States submitting assistance requests through the gateway, a fixed number in flight, each submission
/// retried with the same Idempotency-Key until it is accepted: after a transport error, a 503, or any
/// other 5xx. The key makes a retry of a request that was in fact committed answer with the first
/// request instead of creating a second; the key also travels in the body (in "needs"), so that the
/// intake database can be counted by it.
/// </summary>
public sealed class SubmissionLoad
{
    private readonly HttpClient[] _states;
    private readonly int _total;
    private readonly int _concurrency;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentDictionary<string, Guid> _accepted = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly Stopwatch _clock = new();
    private int _next;
    private int _retried;
    private int _unavailable;
    private int _internalErrors;
    private int _otherFailures;
    private int _transportErrors;
    private long _lastUnavailableAtTicks;
    private long _lastAcceptedAtTicks;

    public SubmissionLoad(IReadOnlyList<HttpClient> states, int total = 5_000, int concurrency = 24)
    {
        _states = [.. states];
        _total = total;
        _concurrency = concurrency;
        foreach (var state in _states)
        {
            state.Timeout = TimeSpan.FromSeconds(30);
        }
    }

    public int Submitted => Math.Min(Volatile.Read(ref _next), _total);
    public int Accepted => _accepted.Count;
    public int Retried => Volatile.Read(ref _retried);
    public int Unavailable => Volatile.Read(ref _unavailable);
    public int InternalErrors => Volatile.Read(ref _internalErrors);
    public int OtherFailures => Volatile.Read(ref _otherFailures);
    public int TransportErrors => Volatile.Read(ref _transportErrors);
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>When (since the load started) the last 503 and the last acceptance were seen.</summary>
    public TimeSpan LastUnavailableAt => TimeSpan.FromTicks(Volatile.Read(ref _lastUnavailableAtTicks));
    public TimeSpan LastAcceptedAt => TimeSpan.FromTicks(Volatile.Read(ref _lastAcceptedAtTicks));

    /// <summary>Request id per accepted submission (keyed by its Idempotency-Key).</summary>
    public IReadOnlyDictionary<string, Guid> AcceptedRequests => _accepted;

    /// <summary>The first few 500 bodies, to say what broke.</summary>
    public IEnumerable<string> ServerErrors => _serverErrors.Take(5);

    /// <summary>The text that marks every request of this run in the intake database.</summary>
    public string Marker => $"reliability-{_run}";

    public async Task RunAsync(TimeSpan deadline)
    {
        _clock.Start();
        using var timeout = new CancellationTokenSource(deadline);
        var token = timeout.Token;
        await Task.WhenAll(Enumerable.Range(0, _concurrency).Select(_ => Task.Run(() => WorkAsync(token), CancellationToken.None)));
        _clock.Stop();
    }

    private async Task WorkAsync(CancellationToken deadline)
    {
        int i;
        while ((i = Interlocked.Increment(ref _next) - 1) < _total)
        {
            await SubmitUntilAcceptedAsync(i, deadline);
        }
    }

    private async Task SubmitUntilAcceptedAsync(int i, CancellationToken deadline)
    {
        var key = $"{Marker}-{i:D5}";
        var (client, state) = i % 2 == 0 ? (_states[0], "KEN") : (_states[1 % _states.Length], "NER");
        var body = JsonSerializer.Serialize(new
        {
            stateCode = state,
            requestingAuthority = "Ministry of the Interior",
            thematicAreas = new[] { ThematicAreas[i % ThematicAreas.Length] },
            needs = $"Training for border officers on advance passenger information ({key}).",
        });
        for (var attempt = 1; ; attempt++)
        {
            deadline.ThrowIfCancellationRequested();
            if (attempt > 1)
            {
                Interlocked.Increment(ref _retried);
                // A client backs off between retries; this is the client's behaviour under test, not a wait for a condition.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * attempt)), deadline);
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/requests")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(IdempotencyKeys.Header, key);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, deadline);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !deadline.IsCancellationRequested))
            {
                Interlocked.Increment(ref _transportErrors);
                continue;
            }
            using (response)
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Created:
                        var created = await response.Content.ReadFromJsonAsync<JsonElement>(deadline);
                        _accepted[key] = created.GetProperty("id").GetGuid();
                        Volatile.Write(ref _lastAcceptedAtTicks, _clock.Elapsed.Ticks);
                        return;
                    case HttpStatusCode.ServiceUnavailable:
                        Interlocked.Increment(ref _unavailable);
                        Volatile.Write(ref _lastUnavailableAtTicks, _clock.Elapsed.Ticks);
                        await ExpectProblemAsync(response, deadline);
                        break;
                    case HttpStatusCode.InternalServerError:
                        Interlocked.Increment(ref _internalErrors);
                        _serverErrors.Enqueue(await response.Content.ReadAsStringAsync(deadline));
                        break;
                    default:
                        Interlocked.Increment(ref _otherFailures);
                        _serverErrors.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(deadline)}");
                        if ((int)response.StatusCode < 500)
                        {
                            // A 4xx will not change on retry: the load itself is wrong.
                            return;
                        }
                        break;
                }
            }
        }
    }

    /// <summary>A 503 must be problem details that say so; anything else counts as a failure.</summary>
    private async Task ExpectProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            && JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32() == 503;
        if (!isProblem)
        {
            Interlocked.Increment(ref _otherFailures);
            _serverErrors.Enqueue($"503 without problem details: {response.Content.Headers.ContentType} {text}");
        }
    }

    private static readonly string[] ThematicAreas = [.. Programmes.ReferenceData.Reference.ThematicAreas.Keys.Order(StringComparer.Ordinal)];

    public override string ToString() =>
        $"submitted {Submitted}, accepted {Accepted}, retried {Retried}, 503s seen {Unavailable}, 500s seen {InternalErrors}, " +
        $"other failures {OtherFailures}, transport errors {TransportErrors}, load time {Elapsed.TotalSeconds:F1} s";
}
