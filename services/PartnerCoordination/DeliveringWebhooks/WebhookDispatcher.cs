using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;
using Programmes.Messaging;
using Programmes.ServiceDefaults;

namespace Programmes.PartnerCoordination.DeliveringWebhooks;

/// <summary>
/// Sends due deliveries from the delivery table. Each delivery is claimed by pushing its due time out
/// by a lease (so other instances skip it) and sent on its own task. No head-of-line blocking: an
/// endpoint never has more than <see cref="WebhookOptions.PerEndpointConcurrency"/> sends in flight and
/// is skipped while it has any, so a hanging partner holds only its own slots for at most the timeout
/// while the others' deliveries keep being claimed.
/// </summary>
public sealed partial class WebhookDispatcher(
    NpgsqlDataSource dataSource,
    WebhookSender sender,
    WebhookSignal signal,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    BackgroundLoops loops,
    ILogger<WebhookDispatcher> logger) : ResilientLoop(loops)
{
    private readonly WebhookOptions _options = options.Value;
    private readonly ConcurrentDictionary<Guid, int> _inFlight = new();
    private int _inFlightTotal;

    private const string ClaimSql = """
        WITH due AS (
            SELECT d.id, d.next_attempt_at,
                   row_number() OVER (PARTITION BY d.endpoint_id ORDER BY d.next_attempt_at, d.id) AS rank
            FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
            WHERE d.status = 'Pending' AND d.next_attempt_at <= @now AND e.disabled_at IS NULL
              AND NOT (d.endpoint_id = ANY(@busy))
        ), picked AS (
            SELECT id FROM due WHERE rank <= @per_endpoint ORDER BY next_attempt_at LIMIT @limit
        )
        UPDATE webhook_deliveries d SET next_attempt_at = @lease
        FROM picked p, webhook_endpoints e
        WHERE d.id = p.id AND e.id = d.endpoint_id AND d.status = 'Pending' AND d.next_attempt_at <= @now
        RETURNING d.id, d.endpoint_id, d.partner_code, d.payload, d.created_at,
                  e.url, e.secret, e.previous_secret, e.previous_secret_expires_at
        """;

    /// <summary>Claims what the free slots allow and starts sending; true when it claimed any (there may be more).</summary>
    protected override async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        var free = _options.MaxConcurrency - Volatile.Read(ref _inFlightTotal);
        var claimed = free > 0 ? await ClaimAsync(free, stoppingToken) : [];
        foreach (var delivery in claimed)
        {
            _inFlight.AddOrUpdate(delivery.EndpointId, 1, (_, n) => n + 1);
            Interlocked.Increment(ref _inFlightTotal);
            _ = Task.Run(() => SendAsync(delivery, stoppingToken), CancellationToken.None);
        }
        return claimed.Count > 0;
    }

    /// <summary>Until deliveries are queued, a slot is freed or the poll interval passes.</summary>
    protected override Task WaitAsync(CancellationToken stoppingToken) => signal.WaitAsync(_options.PollInterval, stoppingToken);

    private async Task<List<ClaimedDelivery>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease", now + _options.Timeout + TimeSpan.FromMinutes(1));
        command.Parameters.AddWithValue("busy", _inFlight.Where(e => e.Value > 0).Select(e => e.Key).ToArray());
        command.Parameters.AddWithValue("per_endpoint", _options.PerEndpointConcurrency);
        command.Parameters.AddWithValue("limit", limit);
        var claimed = new List<ClaimedDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedDelivery(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
        }
        return claimed;
    }

    private async Task SendAsync(ClaimedDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            await sender.SendAsync(delivery, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The lease runs out and the delivery is claimed again: nothing is lost.
            LogSendFailed(logger, ex, delivery.Id);
        }
        finally
        {
            _inFlight.AddOrUpdate(delivery.EndpointId, 0, (_, n) => n - 1);
            Interlocked.Decrement(ref _inFlightTotal);
            signal.Notify();
        }
    }

    [LoggerMessage(LogLevel.Error, "Recording webhook delivery {DeliveryId} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid deliveryId);
}

public sealed record ClaimedDelivery(
    Guid Id, Guid EndpointId, string PartnerCode, string Payload, DateTimeOffset CreatedAt,
    string Url, string Secret, string? PreviousSecret, DateTimeOffset? PreviousSecretExpiresAt);

/// <summary>Wakes the dispatcher when deliveries were queued or a slot was freed, instead of waiting for the poll.</summary>
public sealed class WebhookSignal : WakeSignal;
