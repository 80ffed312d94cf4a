using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Programmes.ServiceDefaults;
using Yarp.ReverseProxy.Model;

namespace Programmes.Gateway.Limiting;

/// <summary>
/// The body size limit of a proxied route: 1 MB unless the route's metadata sets
/// <c>MaxRequestBodyBytes</c>. A declared Content-Length above it is refused up front with 413; a chunked
/// body is cut off by Kestrel at the same limit while it streams.
/// </summary>
internal static class RequestBodyLimit
{
    public const string MetadataKey = "MaxRequestBodyBytes";

    public static async Task EnforceAsync(HttpContext context, Func<Task> next)
    {
        var limit = LimitOf(context.GetReverseProxyFeature().Route);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        if (context.Request.ContentLength > limit)
        {
            await WriteTooLargeAsync(context, limit);
            return;
        }
        await next();
    }

    public static long LimitOf(RouteModel route) =>
        route.Config.Metadata?.TryGetValue(MetadataKey, out var value) == true
        && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? bytes
            : ServiceDefaultsExtensions.MaxRequestBodyBytes;

    public static async Task WriteTooLargeAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = $"This route accepts at most {limit} bytes.",
                Type = ProblemTypes.PayloadTooLarge,
            },
        });
    }
}
