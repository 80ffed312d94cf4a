using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Programmes.LoadGenerator.Targets;

/// <summary>
/// API clients for the load, registered through the gateway's admin API (role, party), several per party so
/// the per-client rate limits of the deployment stay in force and are not what is measured. Tokens are
/// fetched once per client and renewed before they expire.
/// </summary>
public sealed class LoadClients(Target target, int perParty) : IDisposable
{
    private readonly Dictionary<(string Role, string Party), Pool> _pools = [];
    private readonly SemaphoreSlim _registering = new(1, 1);
    private string? _adminToken;

    public void Dispose() => _registering.Dispose();

    /// <summary>An authorised request to the next gateway as one of the party's clients.</summary>
    public async Task<HttpRequestMessage> RequestAsync(string role, string party, HttpMethod method, string path, object? body = null, CancellationToken cancellationToken = default)
    {
        var pool = await PoolAsync(role, party, cancellationToken);
        var client = pool.Next();
        var request = new HttpRequestMessage(method, new Uri(target.NextGateway(), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await client.TokenAsync(target, cancellationToken));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(string role, string party, HttpMethod method, string path, object? body = null, CancellationToken cancellationToken = default) =>
        await SendRequestAsync(await RequestAsync(role, party, method, path, body, cancellationToken), cancellationToken);

    public async Task<HttpResponseMessage> SendRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await target.Http.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Registers the party's clients now, so the first measured calls do not pay for it.</summary>
    public async Task PrepareAsync(string role, string party, CancellationToken cancellationToken)
    {
        var pool = await PoolAsync(role, party, cancellationToken);
        // One at a time: the token endpoint verifies a hashed secret, costly enough to matter on two cores.
        foreach (var client in pool.Clients)
        {
            await client.TokenAsync(target, cancellationToken);
        }
    }

    private async Task<Pool> PoolAsync(string role, string party, CancellationToken cancellationToken)
    {
        lock (_pools)
        {
            if (_pools.TryGetValue((role, party), out var existing))
            {
                return existing;
            }
        }
        await _registering.WaitAsync(cancellationToken);
        try
        {
            lock (_pools)
            {
                if (_pools.TryGetValue((role, party), out var existing))
                {
                    return existing;
                }
            }
            var clients = new List<Client>();
            for (var i = 0; i < perParty; i++)
            {
                clients.Add(await RegisterAsync($"load-{role}-{party.ToLowerInvariant()}-{i:D3}", role, party, cancellationToken));
            }
            var pool = new Pool(clients);
            lock (_pools)
            {
                _pools[(role, party)] = pool;
            }
            return pool;
        }
        finally
        {
            _registering.Release();
        }
    }

    /// <summary>Registers the client, or gives an existing one (an earlier run's) a new secret.</summary>
    private async Task<Client> RegisterAsync(string clientId, string role, string party, CancellationToken cancellationToken)
    {
        _adminToken ??= await Client.FetchTokenAsync(target, target.Administrator.ClientId, target.Administrator.Secret, cancellationToken);
        var response = await AdminAsync(HttpMethod.Post, "/api/gateway/clients", new { clientId, role, party, displayName = "Load generator" }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            response = await AdminAsync(HttpMethod.Post, $"/api/gateway/clients/{clientId}/secret", null, cancellationToken);
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Registering {clientId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        var secret = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("clientSecret").GetString()!;
        return new Client(clientId, secret);
    }

    /// <summary>The administrator is rate limited like anyone: wait when told to.</summary>
    private async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(method, new Uri(target.Gateways[0], path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
            request.Content = body is null ? null : JsonContent.Create(body);
            var response = await target.Http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private sealed class Pool(List<Client> clients)
    {
        private int _next = -1;
        public List<Client> Clients => clients;
        public Client Next() => clients[(int)((uint)Interlocked.Increment(ref _next) % clients.Count)];
    }

    private sealed class Client(string clientId, string secret)
    {
        private string? _token;
        private long _renewAt;

        public async Task<string> TokenAsync(Target target, CancellationToken cancellationToken)
        {
            if (_token is { } token && Stopwatch.GetTimestamp() < Volatile.Read(ref _renewAt))
            {
                return token;
            }
            // Tokens live 15 minutes; renew after 10. Two callers renewing at once is harmless.
            _token = await FetchTokenAsync(target, clientId, secret, cancellationToken);
            Volatile.Write(ref _renewAt, Stopwatch.GetTimestamp() + 600 * Stopwatch.Frequency);
            return _token;
        }

        public static async Task<string> FetchTokenAsync(Target target, string clientId, string secret, CancellationToken cancellationToken)
        {
            HttpResponseMessage response;
            for (var attempt = 1; ; attempt++)
            {
                response = await target.Http.PostAsync(new Uri(target.Gateways[0], "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = clientId,
                    ["client_secret"] = secret,
                }), cancellationToken);
                // A loaded gateway may answer 503 for a moment (its database); try again a few times.
                if (attempt == 5 || (int)response.StatusCode is not (503 or 429))
                {
                    break;
                }
                response.Dispose();
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
            using var _ = response;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Token for {clientId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
            return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString()!;
        }
    }
}
