using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Programmes.ServiceDefaults;

/// <summary>
/// What a client puts in the request line and headers, checked once for every route before any handler runs.
/// <list type="bullet">
/// <item>Query-string values and path segments reach handlers as text and from there PostgreSQL, which refuses
/// NUL (SQLSTATE 22021, a 500). Codes, ids, dates, numbers and search words never hold control characters or
/// unpaired surrogates, so such a value is a 400 naming the parameter, like a bad body field.</item>
/// <item>Kestrel answers an over-long request line (414) or header block (431) itself, before the pipeline, with
/// an empty body. Kestrel's own limits are set to twice ours, so that the ordinary over-long request reaches this
/// check and gets a problem body; only a request beyond Kestrel's limit gets Kestrel's bare answer.</item>
/// </list>
/// </summary>
public static class RequestText
{
    /// <summary>Kestrel's defaults (8 KB request line, 32 KB headers), which this check enforces with a problem body.</summary>
    public const int MaxRequestTargetBytes = 8 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>The body limit, and Kestrel's request-line and header limits at twice ours (see above).</summary>
    internal static void SetKestrelLimits(KestrelServerLimits limits)
    {
        limits.MaxRequestBodySize = ServiceDefaultsExtensions.MaxRequestBodyBytes;
        limits.MaxRequestLineSize = 2 * MaxRequestTargetBytes;
        limits.MaxRequestHeadersTotalSize = 2 * MaxHeaderBytes;
    }

    internal static IApplicationBuilder UseRequestTextCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var problem = TooLong(context) ?? InvalidText(context);
        if (problem is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = problem.Status!.Value;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    });

    private static ProblemDetails? TooLong(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        if (Encoding.UTF8.GetByteCount(target) > MaxRequestTargetBytes)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status414UriTooLong,
                Type = ProblemTypes.UriTooLong,
                Title = "The request URI is too long.",
                Detail = $"The path and query string may hold at most {MaxRequestTargetBytes} bytes.",
            };
        }
        long headerBytes = 0;
        foreach (var (name, values) in context.Request.Headers)
        {
            foreach (var value in values)
            {
                headerBytes += name.Length + (value?.Length ?? 0) + 4;
            }
        }
        return headerBytes > MaxHeaderBytes
            ? new ProblemDetails
            {
                Status = StatusCodes.Status431RequestHeaderFieldsTooLarge,
                Type = ProblemTypes.HeadersTooLarge,
                Title = "The request headers are too large.",
                Detail = $"The headers may hold at most {MaxHeaderBytes} bytes together.",
            }
            : null;
    }

    private static HttpValidationProblemDetails? InvalidText(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in context.Request.Query)
        {
            if (!IsText(name))
            {
                errors[Printable(name)] = ["is a query parameter name with a control character or invalid Unicode."];
            }
            else if (values.Any(v => v is not null && !IsText(v)))
            {
                errors[name] = ["must be text without control characters (such as NUL) or invalid Unicode."];
            }
        }
        // A catch-all value is the gateway's whole forwarded path: the service behind it names the parameter.
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern;
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string text && !IsText(text) && pattern?.GetParameter(name)?.IsCatchAll != true)
            {
                errors[name] = ["must be a path segment without control characters (such as NUL) or invalid Unicode."];
            }
        }
        return errors.Count == 0
            ? null
            : new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.Validation,
                Title = "One or more fields are invalid.",
            };
    }

    /// <summary>No control character (C0, DEL, C1) and no surrogate without its pair.</summary>
    public static bool IsText(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                return false;
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A bad parameter name as a field name a client can read: each offending character as \uXXXX.</summary>
    private static string Printable(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            text.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c);
        }
        return text.ToString();
    }
}
