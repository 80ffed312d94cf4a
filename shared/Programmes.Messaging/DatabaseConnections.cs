using Npgsql;

namespace Programmes.Messaging;

/// <summary>How every process opens its PostgreSQL connections.</summary>
public static class DatabaseConnections
{
    /// <summary>
    /// A data source tuned for many short units of work on a few pooled connections. A connection string that sets
    /// either option itself keeps its value.
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare</c>: each EF query and the relay's and inbox's statements are the same few texts
    /// over and over, and a prepared statement skips PostgreSQL's parse and plan on every call.</item>
    /// <item><c>No Reset On Close</c>: a connection going back to the pool is not reset (Npgsql would otherwise send
    /// <c>CLOSE ALL; UNLISTEN *; SELECT pg_advisory_unlock_all(); DISCARD SEQUENCES; DISCARD TEMP; RESET ALL</c>,
    /// parsed and run by PostgreSQL on every return, two or three per request). Nothing here leaves session state:
    /// no SET, LISTEN, temporary tables or session-level advisory locks (the relay's are transaction-scoped).</item>
    /// </list>
    /// </summary>
    public static NpgsqlDataSource Build(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!Sets(connectionString, "Auto Prepare", "AutoPrepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }
        if (!Sets(connectionString, "Reset On Close", "ResetOnClose"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }
        return builder.Build();
    }

    private static bool Sets(string connectionString, params string[] names) =>
        names.Any(name => connectionString.Contains(name, StringComparison.OrdinalIgnoreCase));
}
