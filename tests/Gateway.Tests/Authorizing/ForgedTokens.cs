using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace Programmes.Gateway.Tests.Authorizing;

/// <summary>
/// Tokens a client could not get from the gateway: a real token re-signed after changing its lifetime
/// (with the gateway's own key, read from its database) or re-signed with a key the gateway never had.
/// Re-signing a real token unchanged must still be accepted, which proves the forgery is faithful.
/// </summary>
public static class ForgedTokens
{
    public static async Task<RSA> GatewayKeyAsync(string gatewayConnectionString)
    {
        await using var connection = new NpgsqlConnection(gatewayConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT private_key_pem FROM gateway_signing_keys ORDER BY created_at DESC LIMIT 1", connection);
        var rsa = RSA.Create();
        rsa.ImportFromPem((string)(await command.ExecuteScalarAsync())!);
        return rsa;
    }

    /// <summary>Same header and claims as <paramref name="token"/>, signed by <paramref name="key"/>, with its lifetime optionally moved.</summary>
    public static string Resign(string token, RSA key, TimeSpan? shiftLifetime = null)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Decode(parts[1]))!.AsObject();
        if (shiftLifetime is { } shift)
        {
            foreach (var claim in new[] { "exp", "iat", "nbf" })
            {
                if (payload[claim] is { } value)
                {
                    payload[claim] = value.GetValue<long>() + (long)shift.TotalSeconds;
                }
            }
        }
        var signedPart = $"{parts[0]}.{Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signedPart), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signedPart}.{Encode(signature)}";
    }

    public static string Header(string token) => Encoding.UTF8.GetString(Decode(token.Split('.')[0]));

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Decode(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }
}
