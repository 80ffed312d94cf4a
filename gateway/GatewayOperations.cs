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
        ["listUsers"] = "The people who sign in to the console, with their role, party, status (Invited, Active, Disabled) and whether "
            + "they have a second factor. Role `staff`.",
        ["createUser"] = "Staff invite a person with a role and a party, as for a client. The answer holds a one-time link (72 hours by default) "
            + "where the person sets a password of at least 12 characters; staff and operations must also enrol a TOTP second factor. Role `staff`.",
        ["submitDisableForUser"] = "Staff disable a person: their session ends and their tokens are refused within 5 seconds, refresh tokens at "
            + "once. Role `staff`.",
        ["enableUser"] = "Staff enable a disabled person again. Role `staff`.",
        ["submitResetSecondFactorForUser"] = "Staff remove a person's TOTP second factor (a lost phone); the person enrols a new one at their next "
            + "sign-in. Role `staff`.",
        ["getAuditOfUser"] = "Who invited, disabled, enabled or reset a person, and the person's sign-ins, failed sign-ins and lockouts. Role `staff`.",
        ["getHealth"] = "The health of the gateway and of every service behind it, with their dependencies. Roles `operations` and `staff`.",
        ["listDeadLetters"] = "Messages that failed in every retry, by queue. Roles `operations` and `staff`.",
        ["getAuditDeadLetters"] = "Who replayed or discarded dead letters, and when. Roles `operations` and `staff`.",
        ["replayDeadLetter"] = "Move a queue's dead letters back to the queue to be consumed again (the inbox applies each message once). Roles `operations` and `staff`.",
        ["discardDeadLetter"] = "Delete a queue's dead letters after inspection. Roles `operations` and `staff`.",
        ["issueToken"] = "OAuth 2.0 client credentials: POST grant_type=client_credentials with client_id and client_secret (form or Basic) for a "
            + "bearer token (15 minutes) whose role and party claims decide what the client may call. Anonymous.",
    };
}
