using Npgsql;

namespace Programmes.Gateway.Operations;

public sealed record DeadLetterAction(DateTimeOffset At, string Actor, string Action, string Queue, string? MessageId, int Count);

/// <summary>Who replayed or discarded which dead letters, and when.</summary>
public sealed class DeadLetterAudit(NpgsqlDataSource dataSource)
{
    public static async Task EnsureTableAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            CREATE TABLE IF NOT EXISTS dead_letter_audit (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                action text NOT NULL,
                queue text NOT NULL,
                message_id text NULL,
                message_ids text[] NOT NULL)
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordAsync(string actor, string action, string queue, string? messageId, IReadOnlyList<string> moved, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO dead_letter_audit (at, actor, action, queue, message_id, message_ids) VALUES (now(), @actor, @action, @queue, @message_id, @ids)");
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("action", action);
        command.Parameters.AddWithValue("queue", queue);
        command.Parameters.AddWithValue("message_id", (object?)messageId ?? DBNull.Value);
        command.Parameters.AddWithValue("ids", moved.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetterAction>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT at, actor, action, queue, message_id, cardinality(message_ids) FROM dead_letter_audit ORDER BY id DESC LIMIT 500");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var actions = new List<DeadLetterAction>();
        while (await reader.ReadAsync(cancellationToken))
        {
            actions.Add(new DeadLetterAction(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5)));
        }
        return actions;
    }
}
