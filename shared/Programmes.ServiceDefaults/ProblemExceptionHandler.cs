using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Programmes.ServiceDefaults;

/// <summary>
/// Turns every exception into an RFC 9457 body. Client mistakes the framework detects (malformed JSON,
/// wrong content type, body too large) keep their 4xx status; an unreachable database or broker answers
/// 503 so clients retry; anything else is a 500 with a trace id and never a stack trace.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var problem = exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad),
            _ when DependencyFailures.IsUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = ProblemTypes.DependencyUnavailable,
                Title = "A service this request depends on is unavailable. Retry later.",
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Type = ProblemTypes.Internal,
                Title = "An unexpected error occurred.",
            },
        };

        if (problem.Status >= 500)
        {
            LogFailure(logger, exception, context.Request.Method, context.Request.Path);
            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            {
                context.Response.Headers.RetryAfter = "5";
            }
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        var status = bad.StatusCode;
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails { Status = status, Type = ProblemTypes.PayloadTooLarge, Title = "The request body is too large." };
        }
        if (status == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ProblemDetails { Status = status, Type = ProblemTypes.UnsupportedMediaType, Title = "The request body must be application/json." };
        }
        var json = FindInner<JsonException>(bad);
        if (json is not null)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : json.Path.TrimStart('$', '.');
            return new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [EnumNames(json) is { } names ? $"must be one of: {names}." : "has a value of the wrong type or is not valid JSON."],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.Validation,
                Title = "The request body is not valid JSON for this operation.",
            };
        }
        return new ProblemDetails { Status = status, Type = ProblemTypes.MalformedRequest, Title = "The request is malformed.", Detail = bad.Message };
    }

    /// <summary>The names a closed set allows, when the value that failed to bind was meant for an enum.</summary>
    private static string? EnumNames(JsonException json)
    {
        var match = EnumTarget().Match(json.Message);
        if (!match.Success)
        {
            return null;
        }
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(match.Groups[1].Value)).FirstOrDefault(t => t is not null);
        return type is { IsEnum: true } ? string.Join(", ", Enum.GetNames(type)) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"could not be converted to (?:System\.Nullable`1\[)?([\w.+]+)")]
    private static partial System.Text.RegularExpressions.Regex EnumTarget();

    private static T? FindInner<T>(Exception exception) where T : Exception
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
}

internal static class ActivityExtensions
{
    public static string? CurrentTraceId() => Activity.Current?.TraceId.ToString();
}
