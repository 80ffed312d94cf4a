using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Programmes.ServiceDefaults;
using Yarp.ReverseProxy;

namespace Programmes.Gateway.AdministeringClients;

/// <summary>
/// Whether a donor code names a donor a donor client can act for. Funding owns donors, so the gateway asks it
/// (<c>GET /api/funding/donors?code=</c>) with the registering staff member's own token, which funding admits
/// to its donor list. Chosen over a copy fed by events: registering a client is rare and staff-only, needs no
/// credentials of the gateway's own, and sees a donor registered a moment ago (an event-fed copy would lag and
/// need an inbox, a table and a consumer in the gateway). Funding being down makes registering a donor client
/// answer 503, and nothing else.
/// </summary>
public sealed class DonorDirectory(IProxyStateLookup proxy, IHttpClientFactory clients)
{
    public const string HttpClientName = "donor-directory";

    /// <summary>True for a voluntary donor with this code; the regular budget is a source no donor client acts for.</summary>
    public async Task<bool> IsVoluntaryDonorAsync(string code, AuthenticationHeaderValue callerToken, CancellationToken cancellationToken)
    {
        if (!proxy.TryGetCluster("funding", out var cluster) || cluster.Destinations.IsEmpty)
        {
            throw new HttpRequestException("No funding destination is configured.");
        }
        // Any instance will do; one that is down is skipped (the last failure is the caller's 503).
        HttpRequestException? failure = null;
        foreach (var destination in cluster.Destinations.Values)
        {
            try
            {
                return await AskAsync(new Uri(destination.Model.Config.Address), code, callerToken, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                failure = e;
            }
        }
        throw failure!;
    }

    private async Task<bool> AskAsync(Uri address, string code, AuthenticationHeaderValue callerToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, $"/api/funding/donors?code={Uri.EscapeDataString(code)}"));
        request.Headers.Authorization = callerToken;
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"Funding answered {(int)response.StatusCode} to the donor look-up.", null, response.StatusCode);
        }
        // A page of funding's donor list ({ items, page, pageSize, total }); a code names at most one donor.
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return page.ValueKind == JsonValueKind.Object && page.TryGetProperty("items", out var donors) && donors.ValueKind == JsonValueKind.Array
            && donors.EnumerateArray().Any(d =>
            d.GetProperty("code").GetString() == code && d.GetProperty("kind").GetString() != "RegularBudget");
    }
}
