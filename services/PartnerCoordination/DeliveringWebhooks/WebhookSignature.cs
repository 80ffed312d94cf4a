using System.Security.Cryptography;
using System.Text;

namespace Programmes.PartnerCoordination.DeliveringWebhooks;

/// <summary>The Standard Webhooks scheme: <c>v1,base64(HMAC-SHA256(key, id.timestamp.body))</c>, secrets <c>whsec_base64</c>.</summary>
public static class WebhookSignature
{
    private const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static bool IsSecret(string? secret)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var key = new byte[64];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], key, out var length) && length >= 24;
    }

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }

    /// <summary>Space-separated signatures, one per secret: the spec's way to roll a secret over.</summary>
    public static string Header(IEnumerable<string> secrets, string id, long timestamp, string body) =>
        string.Join(' ', secrets.Select(s => Sign(s, id, timestamp, body)));
}
