using Npgsql;

namespace Programmes.Floor;

/// <summary>
/// The floor's two databases on the system's PostgreSQL, like intake's and planning's: the request, its audit entry
/// and its outbox row on one side; the inbox row and the planning item on the other. Created when missing.
/// </summary>
internal sealed class FloorDatabases
{
    private const string IntakeSchema = """
        CREATE TABLE IF NOT EXISTS requests (id uuid PRIMARY KEY, state_code varchar(3) NOT NULL, requesting_authority varchar(200) NOT NULL,
            thematic_areas text[] NOT NULL, needs text NOT NULL, desired_start date, status varchar(30) NOT NULL, submitted_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS audit_entries (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, subject_id uuid NOT NULL,
            action varchar(100) NOT NULL, actor varchar(200) NOT NULL, at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS outbox (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, message_id uuid NOT NULL, body bytea NOT NULL,
            created_at timestamptz NOT NULL, sent_at timestamptz);
        CREATE INDEX IF NOT EXISTS ix_outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
        """;

    private const string PlanningSchema = """
        CREATE TABLE IF NOT EXISTS inbox (message_id uuid PRIMARY KEY, received_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS planning_items (request_id uuid PRIMARY KEY, state_code varchar(3) NOT NULL,
            submitted_at timestamptz NOT NULL, received_at timestamptz NOT NULL);
        """;

    private FloorDatabases(NpgsqlDataSource intake, NpgsqlDataSource planning)
    {
        Intake = intake;
        Planning = planning;
    }

    public NpgsqlDataSource Intake { get; }
    public NpgsqlDataSource Planning { get; }

    public static async Task<FloorDatabases> CreateAsync(string connectionString)
    {
        await using (var server = NpgsqlDataSource.Create(connectionString))
        {
            foreach (var name in new[] { "floor_intake", "floor_planning" })
            {
                await using var exists = server.CreateCommand("SELECT 1 FROM pg_database WHERE datname = $1");
                exists.Parameters.AddWithValue(name);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await using var create = server.CreateCommand($"CREATE DATABASE {name}");
                    await create.ExecuteNonQueryAsync();
                }
            }
        }
        var databases = new FloorDatabases(NpgsqlSources.For(connectionString, "floor_intake"), NpgsqlSources.For(connectionString, "floor_planning"));
        await using (var intake = databases.Intake.CreateCommand(IntakeSchema))
        {
            await intake.ExecuteNonQueryAsync();
        }
        await using (var planning = databases.Planning.CreateCommand(PlanningSchema))
        {
            await planning.ExecuteNonQueryAsync();
        }
        return databases;
    }

    /// <summary>Requests stored, outbox rows not yet sent, planning items stored, and the submission-to-planning latencies.</summary>
    public async Task<FloorCounts> CountsAsync(CancellationToken cancellationToken)
    {
        await using var intake = Intake.CreateCommand("SELECT (SELECT count(*) FROM requests), (SELECT count(*) FROM outbox WHERE sent_at IS NULL)");
        await using var read = await intake.ExecuteReaderAsync(cancellationToken);
        await read.ReadAsync(cancellationToken);
        var (requests, unsent) = (read.GetInt64(0), read.GetInt64(1));
        await using var planning = Planning.CreateCommand("""
            SELECT count(*),
                   coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - submitted_at)), 0) * 1000,
                   coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - submitted_at)), 0) * 1000
            FROM planning_items
            """);
        await using var items = await planning.ExecuteReaderAsync(cancellationToken);
        await items.ReadAsync(cancellationToken);
        return new FloorCounts(requests, unsent, items.GetInt64(0), items.GetDouble(1), items.GetDouble(2));
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await using (var intake = Intake.CreateCommand("TRUNCATE requests, audit_entries, outbox"))
        {
            await intake.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var planning = Planning.CreateCommand("TRUNCATE inbox, planning_items");
        await planning.ExecuteNonQueryAsync(cancellationToken);
    }
}

internal sealed record FloorCounts(long Requests, long Unsent, long PlanningItems, double P50Milliseconds, double P99Milliseconds);
