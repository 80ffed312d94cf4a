using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Programmes.Testing;
using Xunit;

namespace Programmes.EndToEnd.Tests;

/// <summary>A poisoned message is seen by operations, replayed once the cause is fixed, and takes effect once.</summary>
public sealed class DeadLetterTests(DeadLetterTests.System system) : IClassFixture<DeadLetterTests.System>
{
    public sealed class System() : TestSystem(Services.Intake | Services.Planning);

    [Fact]
    public async Task A_dead_letter_is_listed_replayed_after_the_fix_and_applied_once()
    {
        var state = await system.ClientAsync(TestClients.StateKenya);
        var operations = await system.ClientAsync(TestClients.Operations);
        var staff = await system.ClientAsync(TestClients.Staff);

        // The cause: planning's table is unavailable, so its consumer fails on every attempt.
        await ExecuteAsync(system.ConnectionStrings["planning"], "ALTER TABLE planning_intake_items RENAME TO planning_intake_items_away");

        var created = await state.PostAsJsonAsync("/api/intake/requests", new
        {
            stateCode = "KEN",
            requestingAuthority = "Ministry of Justice",
            thematicAreas = new[] { "BORDER-MANAGEMENT" },
            needs = "Training for border officials.",
        }).ShouldBeJson(HttpStatusCode.Created);
        var requestId = created.GetProperty("id").GetGuid();

        var letter = await Eventually.GetAsync(async () =>
        {
            var letters = await operations.GetFromJsonAsync<JsonElement[]>("/api/operations/dead-letters");
            return letters!.Select(l => (JsonElement?)l).FirstOrDefault(l => l!.Value.GetProperty("messageType").GetString() == "AssistanceRequestSubmitted");
        }, what: "the dead letter");
        var queue = letter.GetProperty("queue").GetString()!;
        var messageId = letter.GetProperty("messageId").GetString()!;
        Assert.EndsWith("_error", queue);
        Assert.StartsWith("planning", queue);
        Assert.Equal("planning", letter.GetProperty("service").GetString());
        Assert.False(string.IsNullOrEmpty(letter.GetProperty("error").GetString()));

        // Health tells operations that dead letters wait.
        var degraded = await Eventually.GetAsync(async () =>
        {
            var health = await operations.GetFromJsonAsync<JsonElement>("/api/operations/health");
            return health.GetProperty("broker").GetProperty("status").GetString() == "Degraded" ? health : (JsonElement?)null;
        }, what: "the broker degraded by the dead letter");
        Assert.Equal("Degraded", degraded.GetProperty("status").GetString());
        Assert.Contains(queue, degraded.GetProperty("broker").GetProperty("detail").GetString());

        // Operations may not use the business routes.
        await operations.GetAsync("/api/planning/intake-items").ShouldBe(HttpStatusCode.Forbidden);
        // A State may not see dead letters.
        await state.GetAsync("/api/operations/dead-letters").ShouldBe(HttpStatusCode.Forbidden);

        await ExecuteAsync(system.ConnectionStrings["planning"], "ALTER TABLE planning_intake_items_away RENAME TO planning_intake_items");
        var replayed = await operations.PostAsync($"/api/operations/dead-letters/{queue}/replay?messageId={messageId}", null)
            .ShouldBeJson(HttpStatusCode.OK);
        Assert.Equal(messageId, replayed.GetProperty("messageIds")[0].GetString());

        await Eventually.TrueAsync(async () =>
            (await staff.GetItemsAsync($"/api/planning/intake-items?requestId={requestId}"))!.Length == 1,
            what: "the replayed effect");

        // Replaying again finds nothing: the letter left the error queue, and the effect stays single.
        await operations.PostAsync($"/api/operations/dead-letters/{queue}/replay?messageId={messageId}", null).ShouldBe(HttpStatusCode.NotFound);
        var audit = await operations.GetFromJsonAsync<JsonElement[]>("/api/operations/dead-letters/audit");
        Assert.Contains(audit!, a => a.GetProperty("action").GetString() == "replay" && a.GetProperty("messageId").GetString() == messageId
            && a.GetProperty("actor").GetString() == TestClients.Operations.ClientId);
        Assert.Equal(1, await CountAsync(system.ConnectionStrings["planning"], requestId));
        await Eventually.TrueAsync(async () =>
            (await operations.GetFromJsonAsync<JsonElement>("/api/operations/health")).GetProperty("broker").GetProperty("status").GetString() == "Healthy",
            what: "the broker healthy again once the dead letter is replayed");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(string connectionString, Guid requestId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM planning_intake_items WHERE request_id = @id", connection);
        command.Parameters.AddWithValue("id", requestId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
