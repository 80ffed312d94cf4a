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
    public const string Internal = Base + "internal";
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
