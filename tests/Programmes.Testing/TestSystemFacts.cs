using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Programmes.Testing;

/// <summary>
/// What tests do beside the API: play other services' events on the bus, and read what a service recorded in its
/// own database (its outbox, its inbox, its rows). <c>of</c> names the service; by default the system's first one.
/// </summary>
public partial class TestSystem
{
    /// <summary>Publishes a fact as its producing service would (every app's bus is on the same virtual host).</summary>
    public Task PublishAsync<T>(T message) where T : class => Bus.Publish(message);

    /// <summary>Publishes messages with known ids, for <see cref="ConsumedAsync"/>.</summary>
    public async Task<Guid[]> PublishTrackedAsync<T>(IEnumerable<T> messages) where T : class
    {
        var ids = new List<Guid>();
        foreach (var message in messages)
        {
            var id = Guid.NewGuid();
            await Bus.Publish(message, context => context.MessageId = id);
            ids.Add(id);
        }
        return [.. ids];
    }

    /// <summary>Returns once the service's inbox shows every one of the messages handled.</summary>
    public Task ConsumedAsync(Guid[] messageIds, Services? of = null) => Eventually.TrueAsync(async () =>
        await ScalarAsync<long>("SELECT count(DISTINCT message_id) FROM inbox_messages WHERE message_id = ANY(@p)", messageIds, of) == messageIds.Length,
        what: $"the messages handled by {ClusterOf(of ?? First)}");

    /// <summary>The events the service recorded for one aggregate, oldest first: (short type name, body).</summary>
    public async Task<List<(string Type, JsonElement Body)>> EventsOfAsync(string aggregateId, Services? of = null) =>
        await ReadOutboxAsync("aggregate_id = @p", aggregateId, of);

    public Task<List<(string Type, JsonElement Body)>> EventsOfAsync(Guid aggregateId, Services? of = null) => EventsOfAsync(aggregateId.ToString(), of);

    /// <summary>The bodies of the events of one type the service recorded, oldest first.</summary>
    public async Task<List<JsonElement>> OutboxAsync<TEvent>(Services? of = null) =>
        [.. (await ReadOutboxAsync("message_type LIKE @p", typeof(TEvent).FullName + ",%", of)).Select(e => e.Body)];

    /// <summary>The rows of a table of the service's database.</summary>
    public Task<long> CountAsync(string table, Services? of = null) => ScalarAsync<long>($"SELECT count(*) FROM {table}", null, of);

    private IBus Bus => ServiceApps.Values.First().Services.GetRequiredService<IBus>();

    private Services First => Selected().First();

    private async Task<T> ScalarAsync<T>(string sql, object? parameter, Services? of)
    {
        await using var connection = new NpgsqlConnection(ConnectionStrings[ClusterOf(of ?? First)]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("p", parameter);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<(string Type, JsonElement Body)>> ReadOutboxAsync(string where, string parameter, Services? of)
    {
        await using var connection = new NpgsqlConnection(ConnectionStrings[ClusterOf(of ?? First)]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT message_type, body::text FROM outbox_messages WHERE {where} ORDER BY sequence", connection);
        command.Parameters.AddWithValue("p", parameter);
        var events = new List<(string, JsonElement)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // "Programmes.Contracts.ProgrammeApproved, Programmes.Contracts, ...": the name between the last dot and the comma.
            var type = reader.GetString(0);
            var comma = type.IndexOf(',');
            events.Add((type[(type.LastIndexOf('.', comma) + 1)..comma], JsonDocument.Parse(reader.GetString(1)).RootElement.Clone()));
        }
        return events;
    }
}
