using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.LoadGenerator.Checking;
using Programmes.LoadGenerator.Driving;
using Programmes.LoadGenerator.Recording;
using Programmes.LoadGenerator.Targets;
using Programmes.ServiceDefaults;

namespace Programmes.LoadGenerator.Scenarios;

/// <summary>Member States submit assistance requests through the gateway; planning must take each in exactly once.</summary>
public sealed class SubmitScenario(LoadClients clients, Recorder recorder, IntakeConsistency consistency, LoadOptions options) : IScenario
{
    private static readonly string[] States = ["KEN", "NER"];

    public string Operation => "submit";

    /// <summary>Requests this scenario created (the direct GET goal reads some of them back).</summary>
    public System.Collections.Concurrent.ConcurrentBag<Guid> Created { get; } = [];

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        foreach (var state in States)
        {
            await clients.PrepareAsync(Roles.State, state, cancellationToken);
        }
    }

    public async Task RunOnceAsync(long n, long scheduledAt, CancellationToken cancellationToken)
    {
        var state = States[n % States.Length];
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.CallTimeout is { } timeout)
        {
            call.CancelAfter(timeout);
        }
        using var response = await Timed.SendAsync(recorder, Operation,
            () => clients.SendAsync(Roles.State, state, HttpMethod.Post, "/api/intake/requests", Bodies.Request(n, state), call.Token), scheduledAt);
        // Warm-up submissions are checked too: the consistency check counts every submission.
        if (response is { StatusCode: HttpStatusCode.Created })
        {
            var created = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            consistency.Submitted(created.GetProperty("id").GetGuid());
            Created.Add(created.GetProperty("id").GetGuid());
        }
    }

    public Task ReportAsync(CancellationToken cancellationToken) => consistency.ReportAsync(options.Settle, cancellationToken);
}
