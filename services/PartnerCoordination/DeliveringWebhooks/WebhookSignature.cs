using System.Security.Cryptography;
using StandardWebhooks;

namespace Programmes.PartnerCoordination.DeliveringWebhooks;

/// <summary>
/// Standard Webhooks signatures, made by the <c>StandardWebhooks</c> library: <c>v1,base64(HMAC-SHA256(key,
/// id.timestamp.body))</c> under secrets written <c>whsec_base64</c>.
/// </summary>
public static class WebhookSignature
{
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Space-separated signatures, one per secret: the spec's way to roll a secret over.</summary>
    public static string Header(IEnumerable<string> secrets, string id, long timestamp, string body)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(timestamp);
        return string.Join(' ', secrets.Select(secret => new StandardWebhook(secret).Sign(id, at, body)));
    }
}
