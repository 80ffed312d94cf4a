using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Programmes.Gateway.Clients;
using Programmes.Gateway.Persistence;
using Programmes.Messaging;
using Programmes.Messaging.Idempotency;
using Programmes.ServiceDefaults;
using Programmes.ServiceDefaults.OpenApi;
using static Programmes.Gateway.AdministeringClients.ClientAdministration;

namespace Programmes.Gateway.AdministeringClients;

public sealed record RegisterClient(string? ClientId, string? Role, string? Party, [property: NotRequired] string? DisplayName);

/// <summary>What registering returns: the only time the secret is ever shown.</summary>
public sealed record RegisteredClient(string ClientId, string ClientSecret, string Role, string Party, string? DisplayName);

internal static partial class RegisteringClient
{
    public static void MapRegisteringClient(this RouteGroupBuilder clients) => clients.MapPost("", Handle).Idempotent(required: false);

    private static async Task<Results<Created<RegisteredClient>, ValidationProblem, ProblemHttpResult>> Handle(
        RegisterClient body, HttpRequest request, ClientRegistry registry, DonorDirectory donors, GatewayDb db, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (validation.Required(body.ClientId, "clientId", 64))
        {
            validation.Check(ClientIdPattern().IsMatch(body.ClientId!), "clientId", "must be 3-64 lower-case letters, digits or hyphens.");
        }
        var party = RolesAndParties.Check(validation, body.Role, body.Party);
        validation.Optional(body.DisplayName, "displayName", 200);
        await RolesAndParties.CheckDonorAsync(validation, body.Role, party, request, donors, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }
        if (await registry.ExistsAsync(body.ClientId!, cancellationToken))
        {
            return Problem.Conflict($"A client '{body.ClientId}' already exists.");
        }

        var secret = NewSecret();
        await using var transaction = await CommandTransaction.BeginOrJoinAsync(db.Database, cancellationToken);
        await registry.RegisterAsync(body.ClientId!, secret, body.Role!, party!, body.DisplayName, cancellationToken);
        db.Audit("Registered", body.ClientId!, new { role = body.Role, party });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"{Prefix}/{body.ClientId}",
            new RegisteredClient(body.ClientId!, secret, body.Role!, party!, body.DisplayName));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex ClientIdPattern();
}
