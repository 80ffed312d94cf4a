using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Programmes.Floor;

/// <summary>
/// The floor's broker side on the system's RabbitMQ: a durable fanout exchange and queue, a publishing channel with
/// confirms, and a consumer that stores the inbox row and the planning item in one transaction per message.
/// </summary>
internal sealed class FloorBroker : IAsyncDisposable
{
    private const string Exchange = "floor.submitted";
    private const string Queue = "floor.planning";
    private readonly IConnection _connection;
    private readonly IChannel _consuming;

    private FloorBroker(IConnection connection, IChannel publishing, IChannel consuming)
    {
        _connection = connection;
        Publishing = publishing;
        _consuming = consuming;
    }

    public IChannel Publishing { get; }

    public static async Task<FloorBroker> ConnectAsync(string uri, NpgsqlDataSource planning)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri), ConsumerDispatchConcurrency = 8, ClientProvidedName = "programmes-floor" };
        var connection = await factory.CreateConnectionAsync();
        var publishing = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await publishing.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true);
        await publishing.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
        await publishing.QueueBindAsync(Queue, Exchange, "");
        var consuming = await connection.CreateChannelAsync();
        await consuming.BasicQosAsync(0, 64, false);
        var consumer = new AsyncEventingBasicConsumer(consuming);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await StoreAsync(planning, delivery);
            await consuming.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await consuming.BasicConsumeAsync(Queue, autoAck: false, consumer);
        return new FloorBroker(connection, publishing, consuming);
    }

    public ValueTask PublishAsync(Guid messageId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        Publishing.BasicPublishAsync(Exchange, "", mandatory: false,
            new BasicProperties { Persistent = true, MessageId = messageId.ToString(), ContentType = "application/json" }, body, cancellationToken);

    // The inbox row and the planning item in one transaction (one round trip: a batch); a redelivered message
    // finds its inbox row and stores nothing.
    private static async Task StoreAsync(NpgsqlDataSource planning, BasicDeliverEventArgs delivery)
    {
        var submitted = System.Text.Json.JsonSerializer.Deserialize(delivery.Body.Span, FloorJson.Default.SubmittedEvent)!;
        await using var connection = await planning.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var inbox = new NpgsqlBatchCommand("INSERT INTO inbox (message_id, received_at) VALUES ($1, now()) ON CONFLICT DO NOTHING");
        inbox.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(delivery.BasicProperties.MessageId!) });
        var item = new NpgsqlBatchCommand("""
            INSERT INTO planning_items (request_id, state_code, submitted_at, received_at)
            SELECT $1, $2, $3, now() WHERE NOT EXISTS (SELECT 1 FROM inbox WHERE message_id = $4 AND received_at < now())
            """);
        item.Parameters.Add(new NpgsqlParameter { Value = submitted.RequestId });
        item.Parameters.Add(new NpgsqlParameter { Value = submitted.StateCode });
        item.Parameters.Add(new NpgsqlParameter { Value = submitted.SubmittedAt });
        item.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(delivery.BasicProperties.MessageId!) });
        batch.BatchCommands.Add(inbox);
        batch.BatchCommands.Add(item);
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _consuming.DisposeAsync();
        await Publishing.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
