using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Programmes.Gateway.Operations;

/// <summary>A message MassTransit moved to a consumer's <c>_error</c> queue after its retries.</summary>
public sealed record DeadLetter(
    string Queue,
    string Service,
    string? MessageId,
    string? MessageType,
    string? ExceptionType,
    string? Error,
    string? FaultedAt);

/// <summary>One queue of the services' virtual host: messages waiting, taken but not yet acknowledged, consumers.</summary>
public sealed record QueueStatistics(string Queue, string Service, long Ready, long Unacknowledged, int Consumers)
{
    public bool IsDeadLetterQueue => Queue.EndsWith(DeadLetterQueues.ErrorSuffix, StringComparison.Ordinal);
    public long Messages => Ready + Unacknowledged;
}

/// <summary>
/// Reads and moves dead letters on the broker every service shares. Listing uses RabbitMQ's management
/// API (queue names and a non-destructive peek); replay and discard use AMQP with publisher confirms,
/// so a replayed message is on its original queue before it leaves the error queue.
/// </summary>
public sealed class DeadLetterQueues(IConfiguration configuration, IHttpClientFactory httpClients)
{
    public const string ErrorSuffix = "_error";
    private const int PeekLimit = 500;

    private Uri AmqpUri => new(configuration.GetConnectionString("RabbitMq")
        ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not configured."));

    private string VirtualHost => AmqpUri.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";

    /// <summary>
    /// Peeks at every _error queue. The management API can stumble while the broker is busy or starting
    /// (its statistics lag behind): a failed read is tried again twice before the caller gets a 503.
    /// </summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReadAllAsync(cancellationToken);
            }
            catch (HttpRequestException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>Every queue's depth, from the management API (its figures lag the broker by a few seconds).</summary>
    public async Task<IReadOnlyList<QueueStatistics>> QueuesAsync(CancellationToken cancellationToken)
    {
        using var http = ManagementClient();
        var queues = await http.GetFromJsonAsync<JsonElement>(
            $"api/queues/{Uri.EscapeDataString(VirtualHost)}?columns=name,messages_ready,messages_unacknowledged,consumers", cancellationToken);
        long Number(JsonElement queue, string name) =>
            queue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
        return [.. queues.EnumerateArray().Select(q =>
        {
            var name = q.GetProperty("name").GetString()!;
            return new QueueStatistics(name, ServiceOf(name), Number(q, "messages_ready"), Number(q, "messages_unacknowledged"), (int)Number(q, "consumers"));
        })];
    }

    private async Task<IReadOnlyList<DeadLetter>> ReadAllAsync(CancellationToken cancellationToken)
    {
        using var http = ManagementClient();
        var vhost = Uri.EscapeDataString(VirtualHost);
        var queues = await http.GetFromJsonAsync<JsonElement>($"api/queues/{vhost}?columns=name,messages", cancellationToken);
        var letters = new List<DeadLetter>();
        foreach (var queue in queues.EnumerateArray())
        {
            var name = queue.GetProperty("name").GetString()!;
            if (!name.EndsWith(ErrorSuffix, StringComparison.Ordinal) || queue.TryGetProperty("messages", out var count) && count.ValueKind == JsonValueKind.Number && count.GetInt32() == 0)
            {
                continue;
            }
            using var response = await http.PostAsJsonAsync($"api/queues/{vhost}/{Uri.EscapeDataString(name)}/get",
                new { count = PeekLimit, ackmode = "ack_requeue_true", encoding = "auto", truncate = 100_000 }, cancellationToken);
            response.EnsureSuccessStatusCode();
            foreach (var message in (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).EnumerateArray())
            {
                letters.Add(Describe(name, message));
            }
        }
        return letters;
    }

    /// <summary>Moves dead letters (one by message id, or all) back to the queue they failed on.</summary>
    public Task<MoveOutcome> ReplayAsync(string errorQueue, string? messageId, CancellationToken cancellationToken) =>
        MoveAsync(errorQueue, messageId, replay: true, cancellationToken);

    public Task<MoveOutcome> DiscardAsync(string errorQueue, string? messageId, CancellationToken cancellationToken) =>
        MoveAsync(errorQueue, messageId, replay: false, cancellationToken);

    /// <summary>The ids moved, or the queue that does not exist (nothing was moved then).</summary>
    public sealed record MoveOutcome(IReadOnlyList<string> Moved, string? MissingQueue = null);

    private async Task<MoveOutcome> MoveAsync(string errorQueue, string? messageId, bool replay, CancellationToken cancellationToken)
    {
        var target = errorQueue[..^ErrorSuffix.Length];
        var factory = new ConnectionFactory { Uri = AmqpUri, ClientProvidedName = "gateway-dead-letters" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        // Reading from a queue that does not exist closes the channel with NOT_FOUND: ask first, each on a channel of its own.
        foreach (var queue in replay ? [errorQueue, target] : new[] { errorQueue })
        {
            if (!await ExistsAsync(connection, queue, cancellationToken))
            {
                return new MoveOutcome([], queue);
            }
        }
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);

        var moved = new List<string>();
        // Take each message once (unacknowledged ones return to the queue when the channel closes).
        for (var i = 0; i < PeekLimit; i++)
        {
            var result = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (result is null)
            {
                break;
            }
            var id = MessageIdOf(result.BasicProperties.MessageId, Encoding.UTF8.GetString(result.Body.Span));
            if (messageId is not null && !string.Equals(id, messageId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (replay)
            {
                var properties = new BasicProperties(result.BasicProperties)
                {
                    Headers = result.BasicProperties.Headers?
                        .Where(h => !h.Key.StartsWith("MT-Fault", StringComparison.Ordinal) && h.Key != "MT-Reason")
                        .ToDictionary(h => h.Key, h => h.Value),
                };
                await channel.BasicPublishAsync(exchange: "", routingKey: target, mandatory: true, basicProperties: properties, body: result.Body, cancellationToken);
            }
            await channel.BasicAckAsync(result.DeliveryTag, multiple: false, cancellationToken);
            moved.Add(id ?? "(no id)");
        }
        return new MoveOutcome(moved);
    }

    private static async Task<bool> ExistsAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            return false;
        }
    }

    private HttpClient ManagementClient()
    {
        var amqp = AmqpUri;
        var http = httpClients.CreateClient(nameof(DeadLetterQueues));
        http.BaseAddress = new Uri(configuration["RabbitMq:ManagementUrl"] is { Length: > 0 } url
            ? url.TrimEnd('/') + "/"
            : $"http://{amqp.Host}:15672/");
        var userInfo = Uri.UnescapeDataString(amqp.UserInfo);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo)));
        return http;
    }

    private static DeadLetter Describe(string queue, JsonElement message)
    {
        var properties = message.GetProperty("properties");
        var headers = properties.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object ? h : default;
        string? Header(string name) => headers.ValueKind == JsonValueKind.Object && headers.TryGetProperty(name, out var v) ? v.ToString() : null;
        var payload = message.GetProperty("payload").GetString() ?? "";
        string? messageType = null;
        try
        {
            using var envelope = JsonDocument.Parse(payload);
            if (envelope.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0)
            {
                messageType = types[0].GetString()?.Split(':').Last();
            }
        }
        catch (JsonException)
        {
            // Not a MassTransit envelope; the type stays unknown.
        }
        var messageId = MessageIdOf(properties.TryGetProperty("message_id", out var mid) ? mid.GetString() : null, payload);
        return new DeadLetter(queue, ServiceOf(queue), messageId, messageType, Header("MT-Fault-ExceptionType"), Header("MT-Fault-Message"), Header("MT-Fault-Timestamp"));
    }

    /// <summary>Queues are named "&lt;service&gt;-&lt;consumer&gt;" (MassTransit's endpoint name formatter with the service as prefix).</summary>
    private static string ServiceOf(string queue) => queue.Split('-')[0];

    private static string? MessageIdOf(string? propertyId, string payload)
    {
        if (!string.IsNullOrEmpty(propertyId))
        {
            return propertyId;
        }
        try
        {
            using var envelope = JsonDocument.Parse(payload);
            return envelope.RootElement.TryGetProperty("messageId", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
