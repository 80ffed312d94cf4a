using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Programmes.Contracts;
using Programmes.Messaging;
using Programmes.PartnerCoordination.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.PartnerCoordination.DeliveringWebhooks;

/// <summary>Sends one signed delivery and records the attempt, the retry schedule and the endpoint's health in one transaction.</summary>
public sealed class WebhookSender(IServiceScopeFactory scopes, TimeProvider clock, IOptions<WebhookOptions> options) : IDisposable
{
    private static readonly Counter<long> Attempts = Telemetry.CreateMeter("Webhooks").CreateCounter<long>(
        "programmes.coordination.webhook_attempts", description: "Webhook delivery attempts by partner and outcome (delivered or failed)");

    private readonly WebhookOptions _options = options.Value;

    // Sends are many and mostly waiting on partners; recording them needs a pooled connection each, so
    // it is bounded well below the pool size and the API and consumers keep connections to work with.
    private readonly SemaphoreSlim _recording = new(options.Value.MaxConcurrentRecords);

    // One client for every partner: no redirects (a receiver must not bounce a signed body elsewhere), no
    // built-in timeout (each attempt has its own), connections pooled per receiver host.
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 256,
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    public async Task SendAsync(ClaimedDelivery delivery, CancellationToken stoppingToken)
    {
        var attemptedAt = clock.GetUtcNow();
        var timestamp = attemptedAt.ToUnixTimeSeconds();
        var secrets = new List<string> { delivery.Secret };
        if (delivery.PreviousSecret is not null && delivery.PreviousSecretExpiresAt > attemptedAt)
        {
            secrets.Add(delivery.PreviousSecret);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        var id = delivery.Id.ToString();
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(secrets, id, timestamp, delivery.Payload));

        int? status = null;
        string? error = null;
        var started = Stopwatch.GetTimestamp();
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            timeout.CancelAfter(_options.Timeout);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                status = (int)response.StatusCode;
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                error = $"timed out after {_options.Timeout.TotalSeconds:0.###} s";
            }
            catch (HttpRequestException ex)
            {
                error = ex.HttpRequestError.ToString();
            }
        }
        var latency = Stopwatch.GetElapsedTime(started);
        Attempts.Add(1, new KeyValuePair<string, object?>("partner", delivery.PartnerCode),
            new KeyValuePair<string, object?>("outcome", status is >= 200 and < 300 ? "delivered" : "failed"));
        await _recording.WaitAsync(stoppingToken);
        try
        {
            await RecordAsync(delivery, attemptedAt, status, error, latency, stoppingToken);
        }
        finally
        {
            _recording.Release();
        }
    }

    private async Task RecordAsync(ClaimedDelivery claimed, DateTimeOffset attemptedAt, int? status, string? error, TimeSpan latency, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoordinationDb>();
        var now = clock.GetUtcNow();
        var succeeded = status is >= 200 and < 300;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == claimed.Id, cancellationToken);
        db.DeliveryAttempts.Add(new DeliveryAttempt
        {
            DeliveryId = delivery.Id,
            EndpointId = delivery.EndpointId,
            AttemptedAt = attemptedAt,
            StatusCode = status,
            Error = error,
            LatencyMs = Math.Round(latency.TotalMilliseconds, 1),
        });
        delivery.Attempts++;
        delivery.LastStatusCode = status;
        var endpoints = db.WebhookEndpoints.Where(e => e.Id == delivery.EndpointId);
        if (succeeded)
        {
            delivery.Status = DeliveryStatus.Succeeded;
            delivery.DeliveredAt = now;
            await endpoints.ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, (DateTimeOffset?)null), cancellationToken);
        }
        else
        {
            var backoff = TimeSpan.FromTicks((long)Math.Min(
                _options.FirstRetryDelay.Ticks * Math.Pow(2, Math.Min(delivery.Attempts - 1, 30)),
                _options.MaxRetryDelay.Ticks));
            delivery.Status = now - delivery.CreatedAt >= _options.RetryFor ? DeliveryStatus.Failed : DeliveryStatus.Pending;
            delivery.NextAttemptAt = now + backoff;
            await endpoints.ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, e => e.FailingSince ?? now), cancellationToken);
            var failingBefore = now - _options.DisableAfter;
            var reason = $"failing since more than {_options.DisableAfter.TotalHours:0} h; last: {error ?? status?.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            // Only the instance whose update flips the endpoint publishes the fact.
            var disabled = await endpoints
                .Where(e => e.DisabledAt == null && e.FailingSince <= failingBefore)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.DisabledAt, now).SetProperty(e => e.DisabledReason, reason), cancellationToken);
            if (disabled == 1)
            {
                db.AddEvent(new WebhookEndpointDisabled(claimed.PartnerCode, claimed.EndpointId, claimed.Url, reason, now), claimed.EndpointId);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _http.Dispose();
        _recording.Dispose();
    }
}
