using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Programmes.PartnerCoordination.Tests;

/// <summary>One webhook call as a receiver saw it, with which of the known secrets its signatures verified against.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Body, string Signature, IReadOnlyList<string> VerifiedSecrets, TimeSpan At);

/// <summary>
/// A partner's receiver: real Kestrel on a loopback port. It verifies Standard Webhooks signatures
/// itself (independently of the service's code) and with the StandardWebhooks library, against the
/// secrets the test gives it, and answers what <see cref="Respond"/> says.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();
    public List<string> Secrets { get; } = [];

    /// <summary>Decides the answer to the n-th call (1-based); may wait to play a hanging partner.</summary>
    public Func<int, CancellationToken, Task<int>> Respond { get; set; } = (_, _) => Task.FromResult(200);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        var calls = 0;
        app.MapPost("/hook", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var id = context.Request.Headers["webhook-id"].ToString();
            var timestamp = context.Request.Headers["webhook-timestamp"].ToString();
            var signature = context.Request.Headers["webhook-signature"].ToString();
            receiver.Received.Enqueue(new ReceivedWebhook(id, timestamp, body, signature,
                receiver.Secrets.Where(s => Verifies(s, id, timestamp, body, signature)).ToArray(), receiver._clock.Elapsed));
            return Results.StatusCode(await receiver.Respond(Interlocked.Increment(ref calls), context.RequestAborted));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    /// <summary>
    /// True when one of the space-separated <c>v1,</c> signatures is the HMAC-SHA256 of id.timestamp.body under the
    /// secret, computed here independently of the service, and the StandardWebhooks library verifies it as a partner
    /// using it would (one signature at a time: its <c>Verify</c> skips the last of several).
    /// </summary>
    public static bool Verifies(string secret, string id, string timestamp, string body, string header)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        return header.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected))
            && LibraryVerifies(secret, id, timestamp, body, s));
    }

    private static bool LibraryVerifies(string secret, string id, string timestamp, string body, string signature)
    {
        var headers = new HeaderDictionary { ["webhook-id"] = id, ["webhook-timestamp"] = timestamp, ["webhook-signature"] = signature };
        try
        {
            new StandardWebhook(secret).Verify(body, headers);
            return true;
        }
        catch (WebhookVerificationException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
