using System.Globalization;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Programmes.PartnerCoordination.DeliveringWebhooks;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using Xunit;

namespace Programmes.UnitTests.PartnerCoordination;

public sealed class WebhookSignatureTests
{
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1_614_265_330;
    private const string Body = """{"test": 2432232314}""";

    /// <summary>Signatures computed apart from .NET (Python's hmac, hashlib.sha256 and base64) for two 32-byte keys.</summary>
    [Fact]
    public void The_header_holds_one_signature_per_secret_as_an_independent_HMAC_computes_it()
    {
        var header = WebhookSignature.Header(
            ["whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "whsec_ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM="], Id, Timestamp, Body);

        Assert.Equal("v1,O4Gjv1HqPqsMrjmczoggs/sWA8gZD0VyHG+fLh4+ktI= v1,nreglw9HPgFb2Lfl1Wu4xzLPBPNc6RIasyTtCP2K77o=", header);
    }

    /// <summary>
    /// What a partner using the library sees: each secret still signing verifies its signature, any other secret or
    /// body is refused. One signature at a time: StandardWebhooks 1.1.2's <c>Verify</c> skips the last of several
    /// (the loop svix/svix-webhooks#2393 fixed in Svix's own C# SDK).
    /// </summary>
    [Fact]
    public void The_library_verifies_each_signing_secret_and_refuses_any_other()
    {
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 40], Gen.String, Gen.Int[1, 3]).Sample((id, body, count) =>
        {
            var secrets = Enumerable.Range(0, count).Select(_ => WebhookSignature.NewSecret()).ToList();
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var header = WebhookSignature.Header(secrets, id, now, body);
            var signatures = header.Split(' ');
            Assert.Equal(count, signatures.Length);
            foreach (var (secret, signature) in secrets.Zip(signatures))
            {
                new StandardWebhook(secret).Verify(body, Headers(id, now, signature));
            }
            Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(WebhookSignature.NewSecret()).Verify(body, Headers(id, now, header)));
            Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secrets[0]).Verify(body + " ", Headers(id, now, signatures[0])));
        }, iter: Properties.Iterations);
    }

    private static HeaderDictionary Headers(string id, long timestamp, string signature) => new()
    {
        ["webhook-id"] = id,
        ["webhook-timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
        ["webhook-signature"] = signature,
    };
}
