using Microsoft.AspNetCore.Http.Timeouts;
using Programmes.Gateway.Limiting;
using Programmes.ServiceDefaults;
using Yarp.ReverseProxy.Forwarder;

namespace Programmes.Gateway.Routing;

/// <summary>A service that is down or too slow answers as a problem, quickly, instead of an empty 502.</summary>
internal static class DownstreamFailure
{
    public static async Task WriteProblemAsync(HttpContext context, Func<Task> next)
    {
        await next();
        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted)
        {
            return;
        }
        if (IsBodyTooLarge(error.Exception))
        {
            // A chunked body ran past the route's limit while streaming.
            await RequestBodyLimit.WriteTooLargeAsync(context, RequestBodyLimit.LimitOf(context.GetReverseProxyFeature().Route));
            return;
        }
        // The route's timeout cancels the request the way a client that hangs up does: it is still a timeout.
        var timedOut = error.Error == ForwarderError.RequestTimedOut
            || context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
        var (status, title) = error.Error switch
        {
            _ when timedOut => (StatusCodes.Status504GatewayTimeout, "The service did not answer in time."),
            ForwarderError.RequestBodyClient or ForwarderError.RequestCanceled => (StatusCodes.Status400BadRequest, "The request body could not be read."),
            _ => (StatusCodes.Status503ServiceUnavailable, "The service is unavailable. Retry later."),
        };
        context.Response.StatusCode = status;
        if (status >= 500)
        {
            context.Response.Headers.RetryAfter = "5";
        }
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Type = status >= 500 ? ProblemTypes.DependencyUnavailable : ProblemTypes.MalformedRequest },
        });
    }

    private static bool IsBodyTooLarge(Exception? exception) => exception switch
    {
        null => false,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        _ => IsBodyTooLarge(exception.InnerException),
    };
}
