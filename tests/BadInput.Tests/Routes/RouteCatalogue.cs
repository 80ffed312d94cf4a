using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Programmes.BadInput.Tests.Routes;

/// <summary>A write route of a service as its endpoint metadata describes it.</summary>
public sealed record WriteRoute(string Service, string Method, string Pattern, string? BodyMediaType)
{
    public bool TakesBody => BodyMediaType is not null;

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// Every POST, PUT and PATCH route under <c>/api/</c> of the running services, read from their endpoint data
/// sources: a route added tomorrow is in the list without anyone editing it. A route takes a body when its
/// metadata accepts a media type (a body parameter, or <c>Accepts&lt;T&gt;</c>).
/// </summary>
public static class RouteCatalogue
{
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH"];

    public static IReadOnlyList<WriteRoute> Read(string service, WebApplication app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Intersect(WriteMethods)
                .Select(method => new WriteRoute(service, method, Normalise(e.RoutePattern.RawText!),
                    e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault())))
            .ToList();

    /// <summary>Group prefixes leave a trailing slash on the group's root route (<c>/api/coordination/partners/</c>).</summary>
    public static string Normalise(string pattern) => pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
}
