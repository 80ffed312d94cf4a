using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace Programmes.Floor;

/// <summary>
/// <c>POST /api/intake/requests</c> with nothing in the way: read the body, check the State is the caller's, and
/// store the request, its audit entry and its outbox row in one transaction (one round trip: a batch).
/// </summary>
internal static class Submission
{
    public static async Task<IResult> HandleAsync(HttpContext http, NpgsqlDataSource intake, OutboxRelay relay, CancellationToken cancellationToken)
    {
        var body = await JsonSerializer.DeserializeAsync(http.Request.Body, FloorJson.Default.SubmitBody, cancellationToken);
        var party = http.User.FindFirst("party")?.Value;
        if (body?.StateCode is not { Length: > 0 } state || state != party || string.IsNullOrWhiteSpace(body.RequestingAuthority)
            || body.ThematicAreas is not { Length: > 0 } areas || string.IsNullOrWhiteSpace(body.Needs))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["stateCode (the caller's), requestingAuthority, thematicAreas and needs are required."] });
        }
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7(now);
        var message = JsonSerializer.SerializeToUtf8Bytes(new SubmittedEvent(id, state, areas, now), FloorJson.Default.SubmittedEvent);

        await using var connection = await intake.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command("""
            INSERT INTO requests (id, state_code, requesting_authority, thematic_areas, needs, desired_start, status, submitted_at)
            VALUES ($1, $2, $3, $4, $5, $6, 'Submitted', $7)
            """, id, state, body.RequestingAuthority, areas, body.Needs, (object?)body.DesiredStart ?? DBNull.Value, now));
        batch.BatchCommands.Add(Command("INSERT INTO audit_entries (subject_id, action, actor, at) VALUES ($1, 'Submitted', $2, $3)",
            id, http.User.FindFirst("sub")?.Value ?? state, now));
        batch.BatchCommands.Add(Command("INSERT INTO outbox (message_id, body, created_at) VALUES ($1, $2, $3)", Guid.CreateVersion7(now), message, now));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        relay.Wake();
        return Results.Created($"/api/intake/requests/{id}", new SubmittedView(id, "Submitted", now));
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value is DateOnly date ? new NpgsqlParameter { Value = date, NpgsqlDbType = NpgsqlDbType.Date } : new NpgsqlParameter { Value = value });
        }
        return command;
    }
}

internal sealed record SubmitBody(string? StateCode, string? RequestingAuthority, string[]? ThematicAreas, string? Needs, DateOnly? DesiredStart);

internal sealed record SubmittedEvent(Guid RequestId, string StateCode, string[] ThematicAreas, DateTimeOffset SubmittedAt);

internal sealed record SubmittedView(Guid Id, string Status, DateTimeOffset SubmittedAt);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SubmitBody))]
[JsonSerializable(typeof(SubmittedEvent))]
[JsonSerializable(typeof(SubmittedView))]
internal sealed partial class FloorJson : JsonSerializerContext;
