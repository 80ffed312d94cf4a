using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Gateway.Clients;
using Programmes.Gateway.Persistence;
using Programmes.ServiceDefaults;
using static Programmes.Gateway.AdministeringClients.ClientAdministration;

namespace Programmes.Gateway.AdministeringClients;

/// <summary>Revokes a client: no new tokens, and within the status cache window its existing tokens answer 401.</summary>
internal static class RevokingClient
{
    public static void MapRevokingClient(this RouteGroupBuilder clients) => clients.MapPost("/{clientId}/revoke", Handle);

    private static async Task<Results<Ok<ClientView>, ProblemHttpResult>> Handle(
        string clientId, ClientRegistry registry, GatewayDb db, CancellationToken cancellationToken)
    {
        var client = await registry.FindAsync(clientId, cancellationToken);
        if (client is null)
        {
            return Problem.NotFound("The client");
        }
        if (client.Revoked)
        {
            return Problem.IllegalTransition("revoke the client", "Revoked");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await registry.RevokeAsync(clientId, cancellationToken);
        db.Audit("Revoked", clientId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ClientView.Of(client with { Revoked = true }));
    }
}
