using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Programmes.Gateway.Routing;

/// <summary>
/// The gateway sets the security and caching headers of every answer itself; a service behind it sets the same
/// ones, and the proxy would append the service's copy to the gateway's. Each is sent once, with the gateway's value.
/// </summary>
internal static class ProxiedHeaders
{
    private static readonly string[] OwnedByGateway = ["Cache-Control", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"];

    public static void SendOnce(TransformBuilderContext builder) => builder.AddResponseTransform(context =>
    {
        var headers = context.HttpContext.Response.Headers;
        foreach (var name in OwnedByGateway)
        {
            if (headers.TryGetValue(name, out var values) && values.Count > 1)
            {
                headers[name] = values[0];
            }
        }
        return ValueTask.CompletedTask;
    });
}
