using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Gateway.Clients;
using static Programmes.Gateway.AdministeringClients.ClientAdministration;

namespace Programmes.Gateway.AdministeringClients;

internal static class ListingClients
{
    public static void MapListingClients(this RouteGroupBuilder clients)
    {
        clients.MapGet("", Handle);
        clients.MapGet("/{clientId}", Get);
    }

    /// <summary>The client a 201's Location names.</summary>
    private static async Task<Results<Ok<ClientView>, ProblemHttpResult>> Get(string clientId, ClientRegistry registry, CancellationToken cancellationToken)
    {
        var all = await registry.ListAsync(cancellationToken);
        return all.FirstOrDefault(c => string.Equals(c.ClientId, clientId, StringComparison.Ordinal)) is { } client
            ? TypedResults.Ok(ClientView.Of(client))
            : Programmes.ServiceDefaults.Problem.NotFound("The client");
    }

    private static async Task<Ok<ClientView[]>> Handle(ClientRegistry registry, CancellationToken cancellationToken)
    {
        var all = await registry.ListAsync(cancellationToken);
        return TypedResults.Ok(all.OrderBy(c => c.ClientId, StringComparer.Ordinal).Select(ClientView.Of).ToArray());
    }
}
