using System.Net;
using Programmes.LoadGenerator.Targets;
using Programmes.ServiceDefaults;

namespace Programmes.LoadGenerator.Scenarios;

/// <summary>Funding knows donors by code: the load's donor must exist before it pledges.</summary>
public static class DonorRegistration
{
    public static async Task EnsureAsync(LoadClients clients, string code, CancellationToken cancellationToken)
    {
        await clients.PrepareAsync(Roles.Staff, "staff", cancellationToken);
        var request = await clients.RequestAsync(Roles.Staff, "staff", HttpMethod.Post, "/api/funding/donors",
            new { code, name = "Norway", kind = "MemberState", stateCode = "NOR" }, cancellationToken);
        request.Headers.Add("Idempotency-Key", $"load-donor-{code}");
        using var response = await clients.SendRequestAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"Registering donor {code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
