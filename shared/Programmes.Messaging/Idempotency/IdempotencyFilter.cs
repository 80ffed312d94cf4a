using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Programmes.ServiceDefaults;

namespace Programmes.Messaging.Idempotency;

/// <summary>
/// Makes a POST safe to retry. The key is claimed by inserting it in the transaction that will hold the
/// command's changes; a concurrent duplicate's insert waits on the primary key until the first commits,
/// then finds the stored response and replays it. Only successful responses are stored: a rejected
/// request rolls back its key with everything else, so the client may correct and retry.
/// </summary>
internal sealed class IdempotencyFilter(bool required) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[IdempotencyKeys.Header].ToString();
        if (!required && key.Length == 0)
        {
            return await next(context);
        }
        if (string.IsNullOrWhiteSpace(key) || key.Length > IdempotencyKeys.MaxKeyLength)
        {
            return new Validation().Add(IdempotencyKeys.Header, required
                ? $"the header is required on every POST (at most {IdempotencyKeys.MaxKeyLength} characters)."
                : $"must not be blank and must have at most {IdempotencyKeys.MaxKeyLength} characters.").ToProblem();
        }

        var services = http.RequestServices;
        var db = services.GetRequiredService<IdempotencyStore>().Db;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var cancellationToken = http.RequestAborted;
        var clientId = http.User.GetCaller().ClientId;
        var hash = await HashAsync(http.Request, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var claimed = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO idempotency_keys (client_id, key, request_hash, created_at) VALUES ({clientId}, {key}, {hash}, {now}) ON CONFLICT DO NOTHING",
                cancellationToken);
            if (claimed == 0)
            {
                var first = await ReadFirstAsync(db, transaction, clientId, key, cancellationToken);
                return first.RequestHash == hash
                    ? new ReplayedResponse(first)
                    : TypedResults.Problem(
                        title: "This Idempotency-Key was already used with a different request.",
                        detail: "Use a new key for a new request; repeat a request only with exactly the same body.",
                        statusCode: StatusCodes.Status422UnprocessableEntity,
                        type: ProblemTypes.IdempotencyKeyReused);
            }

            var result = await next(context);
            var outcome = result is INestedHttpResult nested ? nested.Result : result;
            if (outcome is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 and var status })
            {
                await transaction.RollbackAsync(cancellationToken);
                return result;
            }
            var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var body = outcome is IValueHttpResult { Value: { } value }
                ? JsonSerializer.Serialize(value, value.GetType(), json)
                : null;
            var location = outcome.GetType().GetProperty(nameof(Created.Location))?.GetValue(outcome) as string;
            await db.Database.ExecuteSqlAsync(
                $"UPDATE idempotency_keys SET status_code = {status}, location = {location}, response_body = {body} WHERE client_id = {clientId} AND key = {key}",
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (InvalidOperationException ex) when (db.Database.GetDbConnection().State != ConnectionState.Open)
        {
            // Npgsql reports a command on a connection the server dropped as a completed transaction.
            throw new DependencyUnavailableException("The database dropped the connection during the transaction.", ex);
        }
    }

    private static async Task<StoredResponse> ReadFirstAsync(DbContext db, IDbContextTransaction transaction, string clientId, string key, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = "SELECT request_hash, status_code, location, response_body FROM idempotency_keys WHERE client_id = @client AND key = @key";
        Add(command, "client", clientId);
        Add(command, "key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoredResponse(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The method, path and exact body bytes: a retry sends the same bytes to the same place.</summary>
    private static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        request.Body.Position = 0;
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private sealed record StoredResponse(string RequestHash, int? StatusCode, string? Location, string? Body);

    /// <summary>The first response again, byte for byte, marked as a replay.</summary>
    private sealed class ReplayedResponse(StoredResponse first) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = first.StatusCode ?? StatusCodes.Status200OK;
            response.Headers["Idempotent-Replayed"] = "true";
            if (first.Location is not null)
            {
                response.Headers.Location = first.Location;
            }
            if (first.Body is not null)
            {
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(first.Body, httpContext.RequestAborted);
            }
        }
    }
}
