using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.Extensions.DependencyInjection;

namespace Programmes.BadInput.Tests.Urls;

/// <summary>A route parameter: its name, and whether a constraint (a GUID, say) decides whether the route matches at all.</summary>
public sealed record PathParameter(string Name, bool IsGuid, bool Constrained);

/// <summary>A route with parameters in its path or query string, as its endpoint metadata describes it.</summary>
public sealed record ParameterRoute(
    string Service, string Method, string Template, IReadOnlyList<PathParameter> Path, IReadOnlyList<string> Query,
    IReadOnlyList<string> Roles, bool TakesBody)
{
    public override string ToString() => $"{Method} /{Template}";
}

/// <summary>
/// Every <c>/api/</c> route of a running app with a path or query parameter, read from the API description its
/// endpoint metadata produces (the same the OpenAPI documents come from): a parameter added tomorrow is covered
/// without anyone editing this. The roles a route admits come from its authorization metadata.
/// </summary>
public static class ParameterCatalogue
{
    public static IReadOnlyList<ParameterRoute> Read(string service, WebApplication app) =>
        app.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true && d.HttpMethod is not null)
            .Select(d => new ParameterRoute(service, d.HttpMethod!, d.RelativePath!.TrimEnd('/'),
                [.. d.ParameterDescriptions.Where(p => p.Source == BindingSource.Path).Select(p => new PathParameter(p.Name,
                    p.RouteInfo?.Constraints?.Any(c => c is GuidRouteConstraint) == true, p.RouteInfo?.Constraints?.Any() == true))],
                [.. d.ParameterDescriptions.Where(p => p.Source == BindingSource.Query).Select(p => p.Name)],
                [.. d.ActionDescriptor.EndpointMetadata.OfType<AuthorizationPolicy>()
                    .SelectMany(p => p.Requirements.OfType<RolesAuthorizationRequirement>()).SelectMany(r => r.AllowedRoles).Distinct()],
                d.SupportedRequestFormats.Count > 0))
            .Where(r => r.Path.Count + r.Query.Count > 0)
            .DistinctBy(r => r.ToString())
            .ToList();
}
