using System.Net.Sockets;
using Npgsql;

namespace Programmes.ServiceDefaults;

/// <summary>
/// Failures of a database, broker or HTTP dependency that are not the caller's fault and that a retry may
/// overcome once the dependency is back: an API answers them 503, a consumer keeps retrying them.
/// </summary>
public static class DependencyFailures
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300":
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case DependencyUnavailableException:
                case SocketException:
                case TimeoutException:
                case HttpRequestException:
                    // A database, broker or HTTP dependency failed: the client may retry, this is not its fault.
                    return true;
            }
        }
        return exception is InvalidOperationException && exception.InnerException is NpgsqlException;
    }
}

/// <summary>
/// A dependency failed in a way its client library reports as misuse: e.g. Npgsql answers "Transaction is
/// already completed" (an InvalidOperationException) once the server has dropped the connection under an
/// open transaction. Code that can tell (the connection is no longer open) rethrows it as this.
/// </summary>
public sealed class DependencyUnavailableException(string message, Exception inner) : Exception(message, inner);
