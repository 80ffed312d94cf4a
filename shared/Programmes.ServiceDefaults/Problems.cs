using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Programmes.ServiceDefaults;

/// <summary>Stable RFC 9457 problem types. Clients may switch on them; never change one's meaning.</summary>
public static class ProblemTypes
{
    private const string Base = "https://programmes.unodc.org/problems/";
    public const string Validation = Base + "validation";
    public const string NotFound = Base + "not-found";
    public const string Conflict = Base + "conflict";
    public const string IllegalTransition = Base + "illegal-transition";
    public const string Unauthenticated = Base + "unauthenticated";
    public const string Forbidden = Base + "forbidden";
    public const string RateLimited = Base + "rate-limited";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string MalformedRequest = Base + "malformed-request";
    public const string UriTooLong = Base + "uri-too-long";
    public const string HeadersTooLarge = Base + "headers-too-large";
    public const string IdempotencyKeyReused = Base + "idempotency-key-reused";
    public const string DependencyUnavailable = Base + "dependency-unavailable";
    public const string Overloaded = Base + "overloaded";
    public const string Internal = Base + "internal";

    /// <summary>Every problem type with its meaning: published in the API documents as the enum of <c>ProblemDetails.type</c>.</summary>
    public static IReadOnlyDictionary<string, string> Catalogue { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Validation] = "400: a field, parameter or the body is invalid; `errors` maps every invalid field (JSON path) to what is wrong with it, naming the allowed values of a closed set.",
        [MalformedRequest] = "400: the request cannot be read at all (a malformed header, query string or body framing).",
        [Unauthenticated] = "401: no valid access token: missing, expired, revoked or not signed by the gateway. Get one at /connect/token.",
        [Forbidden] = "403: the token's role may not call the operation (`requiredRoles` lists the roles that may), or the caller may not act on this object (the operation's party rule).",
        [NotFound] = "404: the resource named in the path does not exist, or the caller may not see it.",
        [Conflict] = "409: the request conflicts with the current state of the resource (a duplicate, an answer already given); `detail` says which.",
        [IllegalTransition] = "409: the resource's state does not allow the action; `currentState` names the state and `action` the action refused.",
        [PayloadTooLarge] = "413: the request body is larger than the operation accepts.",
        [UnsupportedMediaType] = "415: the request body is not in a media type the operation reads (application/json unless the operation says otherwise).",
        [IdempotencyKeyReused] = "422: the Idempotency-Key was used before with another body; use a new key for a new operation.",
        [UriTooLong] = "414: the request URI is too long.",
        [HeadersTooLarge] = "431: the request headers are too large.",
        [RateLimited] = "429: the client's rate limit is spent; retry after Retry-After seconds.",
        [Overloaded] = "503: the service sheds load; retry after Retry-After seconds.",
        [DependencyUnavailable] = "503: a service or a dependency (database, broker) is unavailable; retry after Retry-After seconds.",
        [Internal] = "500: an unexpected error on the server; quote `traceId` when reporting it.",
    };
}

/// <summary>Problem results with the project's types, so every service answers the same way.</summary>
public static class Problem
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: $"{what} was not found.", statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "The request conflicts with the current state.", detail: detail,
            statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict);

    /// <summary>An action the current state does not allow; the body names the current state.</summary>
    public static ProblemHttpResult IllegalTransition(string action, string currentState) =>
        TypedResults.Problem(
            title: "This action is not allowed in the current state.",
            detail: $"Cannot {action} while the status is {currentState}.",
            statusCode: StatusCodes.Status409Conflict,
            type: ProblemTypes.IllegalTransition,
            extensions: new Dictionary<string, object?> { ["currentState"] = currentState, ["action"] = action });
}
