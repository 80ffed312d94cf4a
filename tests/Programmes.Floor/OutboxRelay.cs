using Npgsql;

namespace Programmes.Floor;

/// <summary>
/// Publishes unsent outbox rows with confirms, up to 100 per round (all published, then every confirm awaited), and
/// marks them sent in the same transaction that locked them: select, publish, update, commit.
/// </summary>
internal sealed class OutboxRelay(NpgsqlDataSource intake, FloorBroker broker) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _wake.WaitAsync(TimeSpan.FromMilliseconds(200), stoppingToken);
            while (await RelayBatchAsync(stoppingToken) > 0)
            {
            }
        }
    }

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await intake.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ids = new List<long>();
        var publishing = new List<Task>();
        await using (var select = new NpgsqlCommand("SELECT id, message_id, body FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED", connection, transaction))
        await using (var rows = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                ids.Add(rows.GetInt64(0));
                publishing.Add(broker.PublishAsync(rows.GetGuid(1), rows.GetFieldValue<byte[]>(2), cancellationToken).AsTask());
            }
        }
        if (ids.Count == 0)
        {
            return 0;
        }
        await Task.WhenAll(publishing);
        await using (var mark = new NpgsqlCommand("UPDATE outbox SET sent_at = now() WHERE id = ANY($1)", connection, transaction))
        {
            mark.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
