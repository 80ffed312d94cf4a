using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Gateway.Clients;
using static Programmes.Gateway.AdministeringClients.ClientAdministration;

namespace Programmes.Gateway.AdministeringClients;

internal static class ListingClients
{
    public static void MapListingClients(this RouteGroupBuilder clients) => clients.MapGet("", Handle);

    private static async Task<Ok<ClientView[]>> Handle(ClientRegistry registry, CancellationToken cancellationToken)
    {
        var all = await registry.ListAsync(cancellationToken);
        return TypedResults.Ok(all.OrderBy(c => c.ClientId, StringComparer.Ordinal).Select(ClientView.Of).ToArray());
    }
}
