using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Gateway.Clients;
using Programmes.Gateway.Persistence;
using Programmes.ServiceDefaults;
using static Programmes.Gateway.AdministeringClients.ClientAdministration;

namespace Programmes.Gateway.AdministeringClients;

public sealed record RotatedSecret(string ClientId, string ClientSecret);

/// <summary>
/// Issues a new secret; the old one stops working at once for new tokens. Tokens already issued stay valid
/// until they expire (revoke the client to cut them off).
/// </summary>
internal static class RotatingSecret
{
    public static void MapRotatingSecret(this RouteGroupBuilder clients) => clients.MapPost("/{clientId}/secret", Handle);

    private static async Task<Results<Ok<RotatedSecret>, ProblemHttpResult>> Handle(
        string clientId, ClientRegistry registry, GatewayDb db, CancellationToken cancellationToken)
    {
        var client = await registry.FindAsync(clientId, cancellationToken);
        if (client is null)
        {
            return Problem.NotFound("The client");
        }
        if (client.Revoked)
        {
            return Problem.IllegalTransition("rotate the secret", "Revoked");
        }
        var secret = NewSecret();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await registry.RotateSecretAsync(clientId, secret, cancellationToken);
        db.Audit("SecretRotated", clientId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new RotatedSecret(clientId, secret));
    }
}
