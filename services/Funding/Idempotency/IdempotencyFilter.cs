using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Programmes.Funding.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.Funding.Idempotency;

/// <summary>
/// Makes a POST safe to retry. The key is claimed by inserting it in the transaction that will hold the
/// command's changes; a concurrent duplicate's insert waits on the primary key until the first commits,
/// then finds the stored response and replays it. Only successful responses are stored: a rejected
/// request rolls back its key with everything else, so the client may correct and retry.
/// </summary>
internal sealed class IdempotencyFilter(FundingDb db, TimeProvider clock, IOptions<JsonOptions> json) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var cancellationToken = http.RequestAborted;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            return new Validation().Add(Header, $"the header is required on every POST (at most {MaxKeyLength} characters).").ToProblem();
        }
        var clientId = http.User.GetCaller().ClientId;
        var hash = await HashAsync(http.Request, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO idempotency_keys (client_id, key, request_hash, created_at) VALUES ({clientId}, {key}, {hash}, {clock.GetUtcNow()}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (claimed == 0)
        {
            var first = await db.IdempotencyKeys.AsNoTracking().SingleAsync(r => r.ClientId == clientId && r.Key == key, cancellationToken);
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
        var body = outcome is IValueHttpResult { Value: { } value }
            ? JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions)
            : null;
        var location = outcome.GetType().GetProperty(nameof(Created.Location))?.GetValue(outcome) as string;
        await db.Database.ExecuteSqlAsync(
            $"UPDATE idempotency_keys SET status_code = {status}, location = {location}, response_body = {body} WHERE client_id = {clientId} AND key = {key}",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
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

    /// <summary>The first response again, byte for byte, marked as a replay.</summary>
    private sealed class ReplayedResponse(IdempotencyRecord first) : IResult
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
            if (first.ResponseBody is not null)
            {
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(first.ResponseBody, httpContext.RequestAborted);
            }
        }
    }
}

public static class IdempotencyExtensions
{
    /// <summary>Requires an Idempotency-Key on this POST and answers a retry with the first response.</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder endpoint) => endpoint
        .AddEndpointFilter<IdempotencyFilter>()
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Lets the filter hash the request body after model binding has read it.</summary>
    public static IApplicationBuilder UseRequestBodyBuffering(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method))
        {
            context.Request.EnableBuffering();
        }
        return next(context);
    });
}
