using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Programmes.Gateway.Routing;
using Programmes.ServiceDefaults;
using Yarp.ReverseProxy.Model;

namespace Programmes.Gateway.Tests.Authorizing;

/// <summary>
/// One public endpoint as the matrix sees it: its route, method, the roles the gateway lets through to it and
/// the roles the endpoint itself admits (null: any authenticated caller).
/// </summary>
public sealed record PublicEndpoint(string Owner, string Method, string Pattern, IReadOnlySet<string> GatewayRoles, IReadOnlySet<string>? EndpointRoles, string ContentType = "application/json")
{
    public bool Admits(string role) => GatewayRoles.Contains(role) && (EndpointRoles is null || EndpointRoles.Contains(role));
}

/// <summary>
/// Reads every <c>/api/**</c> endpoint from the running apps (route pattern, HTTP methods, roles from the
/// authorization metadata, combined exactly as the authorization middleware combines it), so the matrix follows
/// the services as they grow instead of a hand-kept list.
/// </summary>
public static class EndpointCatalogue
{
    public static async Task<IReadOnlyList<PublicEndpoint>> ReadAsync(string owner, WebApplication app, bool isGateway)
    {
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var found = new List<PublicEndpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<RouteModel>() is not null)
            {
                continue;
            }
            var policy = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? null : await AuthorizationPolicy.CombineAsync(
                policies,
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
                endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            var endpointRoles = RolesOf(policy);
            var gatewayRoles = isGateway
                ? endpointRoles ?? Roles.All.ToHashSet()
                : RouteTable.Services.Single(r => pattern.StartsWith(r.PathPrefix + "/", StringComparison.Ordinal)).Roles.ToHashSet();
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                // The body goes in the media type the endpoint accepts, so content negotiation (415) never answers before authorization.
                var contentType = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json";
                found.Add(new PublicEndpoint(owner, method, pattern, gatewayRoles, endpointRoles, contentType));
            }
        }
        return found;
    }

    /// <summary>A concrete path for the pattern: every parameter gets a fresh random id of its constraint's kind.</summary>
    public static string PathFor(string pattern)
    {
        var parsed = RoutePatternFactory.Parse(pattern);
        var segments = parsed.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => ValueFor(parameter),
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    private static string ValueFor(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToArray();
        if (constraints.Any(c => c is "int" or "long" || c.StartsWith("min", StringComparison.Ordinal) || c.StartsWith("range", StringComparison.Ordinal)))
        {
            return Random.Shared.Next(100_000, 999_999).ToString();
        }
        if (constraints.Any(c => c.StartsWith("alpha", StringComparison.Ordinal)))
        {
            return "ZZZ";
        }
        return Guid.NewGuid().ToString();
    }

    private static HashSet<string>? RolesOf(AuthorizationPolicy? policy)
    {
        if (policy is null)
        {
            return null;
        }
        HashSet<string>? roles = null;
        foreach (var requirement in policy.Requirements.OfType<RolesAuthorizationRequirement>())
        {
            roles = roles is null ? requirement.AllowedRoles.ToHashSet() : roles.Intersect(requirement.AllowedRoles).ToHashSet();
        }
        return roles;
    }
}
