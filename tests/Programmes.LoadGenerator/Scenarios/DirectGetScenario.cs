using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.LoadGenerator.Driving;
using Programmes.LoadGenerator.Recording;
using Programmes.LoadGenerator.Targets;
using Programmes.ServiceDefaults;

namespace Programmes.LoadGenerator.Scenarios;

/// <summary>
/// <c>GET /api/intake/requests/{id}</c> straight to request-intake (no gateway), as Kenya, over requests Kenya
/// submitted through the gateway first. Tokens of several Kenyan clients are used in turn.
/// </summary>
public sealed class DirectGetScenario(LoadClients clients, Recorder recorder, Uri intake, HttpClient http) : IScenario
{
    private readonly List<Guid> _ids = [];
    private readonly List<string> _tokens = [];

    public string Operation => "get-direct";

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await clients.PrepareAsync(Roles.State, "KEN", cancellationToken);
        for (var i = 0; i < 20; i++)
        {
            using var request = await clients.RequestAsync(Roles.State, "KEN", HttpMethod.Post, "/api/intake/requests", Bodies.Request(i, "KEN"), cancellationToken);
            _tokens.Add(request.Headers.Authorization!.Parameter!);
            using var response = await clients.SendRequestAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            _ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid());
        }
    }

    public async Task RunOnceAsync(long n, long scheduledAt, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(intake, $"/api/intake/requests/{_ids[(int)(n % _ids.Count)]}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[(int)(n % _tokens.Count)]);
        using var response = await Timed.SendAsync(recorder, Operation, async () =>
        {
            using (request)
            {
                return await http.SendAsync(request, cancellationToken);
            }
        }, scheduledAt);
    }

    public Task ReportAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
