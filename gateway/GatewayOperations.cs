namespace Programmes.Gateway;

/// <summary>What each of the gateway's own operations does, for its OpenAPI description (keyed by operationId).</summary>
internal static class GatewayOperations
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["listClients"] = "The registered API clients with their role and party (never their secrets). Role `staff`.",
        ["getClient"] = "One registered client (the URL a registration's 201 Location names). Role `staff`.",
        ["createClient"] = "Staff register an API client: its role (state, partner, donor, staff, operations) and party (a State's ISO alpha-3 code, "
            + "a partner code or a donor code). The answer is the only time the secret is shown. A client id already registered is a 409.",
        ["submitSecretForClient"] = "Staff issue a new secret for a client; the old one stops working. Role `staff`. The answer shows the new secret.",
        ["revokeClient"] = "Staff revoke a client: its tokens are refused at once, and it gets no new ones. Role `staff`.",
        ["getAuditOfClient"] = "Who registered, rotated or revoked a client, and when. Role `staff`.",
        ["getHealth"] = "The health of the gateway and of every service behind it, with their dependencies. Roles `operations` and `staff`.",
        ["listDeadLetters"] = "Messages that failed in every retry, by queue. Roles `operations` and `staff`.",
        ["getAuditDeadLetters"] = "Who replayed or discarded dead letters, and when. Roles `operations` and `staff`.",
        ["replayDeadLetter"] = "Move a queue's dead letters back to the queue to be consumed again (the inbox applies each message once). Roles `operations` and `staff`.",
        ["discardDeadLetter"] = "Delete a queue's dead letters after inspection. Roles `operations` and `staff`.",
        ["issueToken"] = "OAuth 2.0 client credentials: POST grant_type=client_credentials with client_id and client_secret (form or Basic) for a "
            + "bearer token (15 minutes) whose role and party claims decide what the client may call. Anonymous.",
    };
}
