using Npgsql;

namespace Programmes.LoadGenerator.Checking;

/// <summary>
/// Statements (<c>pg_stat_statements</c>, preloaded by compose) and transactions (<c>pg_stat_database</c>) per
/// database over one phase: reset before, read after. Npgsql sends a transaction's batched statements in one round
/// trip, so statements are an upper bound on round trips and transactions a lower bound.
/// </summary>
public sealed class DatabaseStatements(string serverConnectionString)
{
    private Dictionary<string, long> _transactionsBefore = [];

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(serverConnectionString);
        await using (var create = source.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        _transactionsBefore = await TransactionsAsync(source, cancellationToken);
    }

    /// <summary>Per database: statements executed, transactions committed or rolled back, since the reset.</summary>
    public async Task<Dictionary<string, (long Statements, long Transactions)>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(serverConnectionString);
        var transactions = await TransactionsAsync(source, cancellationToken);
        var result = new Dictionary<string, (long, long)>();
        await using var read = source.CreateCommand("""
            SELECT d.datname, sum(s.calls)::bigint FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE s.query NOT ILIKE '%pg_stat_statements%' GROUP BY d.datname
            """);
        await using var rows = await read.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            var name = rows.GetString(0);
            result[name] = (rows.GetInt64(1), transactions.GetValueOrDefault(name) - _transactionsBefore.GetValueOrDefault(name));
        }
        return result;
    }

    /// <summary>The top statements of one database by calls since the reset, for the table in docs/performance.md.</summary>
    public async Task<List<(long Calls, string Query)>> TopAsync(string database, int count, CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(serverConnectionString);
        await using var read = source.CreateCommand("""
            SELECT s.calls, left(regexp_replace(s.query, '\s+', ' ', 'g'), 110) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = $1 ORDER BY s.calls DESC LIMIT $2
            """);
        read.Parameters.Add(new NpgsqlParameter { Value = database });
        read.Parameters.Add(new NpgsqlParameter { Value = count });
        var top = new List<(long, string)>();
        await using var rows = await read.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            top.Add((rows.GetInt64(0), rows.GetString(1)));
        }
        return top;
    }

    private static async Task<Dictionary<string, long>> TransactionsAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        var transactions = new Dictionary<string, long>();
        await using var read = source.CreateCommand("SELECT datname, xact_commit + xact_rollback FROM pg_stat_database WHERE datname IS NOT NULL");
        await using var rows = await read.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            transactions[rows.GetString(0)] = rows.GetInt64(1);
        }
        return transactions;
    }
}
