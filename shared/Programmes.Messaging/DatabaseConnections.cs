using Npgsql;

namespace Programmes.Messaging;

/// <summary>How every process opens its PostgreSQL connections.</summary>
public static class DatabaseConnections
{
    /// <summary>
    /// A data source whose connections prepare their most used statements: each EF query and the relay's and
    /// inbox's statements are the same few texts over and over, and a prepared statement skips PostgreSQL's parse
    /// and plan on every call. A connection string that sets <c>Max Auto Prepare</c> itself keeps its value.
    /// </summary>
    public static NpgsqlDataSource Build(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }
        return builder.Build();
    }
}
