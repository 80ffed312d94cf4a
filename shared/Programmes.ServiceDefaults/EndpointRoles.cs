using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Programmes.ServiceDefaults;

/// <summary>
/// The roles an endpoint admits, read from its authorization metadata (<c>RequireRoles</c>): published in the
/// documents as <c>x-roles</c> and named in the 403 a token of another role gets.
/// </summary>
public static class EndpointRoles
{
    public const string Extension = "x-roles";

    public static IReadOnlyList<string> Of(IEnumerable<object> metadata)
    {
        var list = metadata as IReadOnlyCollection<object> ?? metadata.ToList();
        var fromPolicies = list.OfType<AuthorizationPolicy>()
            .SelectMany(p => p.Requirements.OfType<RolesAuthorizationRequirement>())
            .SelectMany(r => r.AllowedRoles);
        var fromAttributes = list.OfType<IAuthorizeData>()
            .SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return fromPolicies.Concat(fromAttributes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    public static IReadOnlyList<string> Of(HttpContext context) =>
        context.GetEndpoint() is { } endpoint ? Of(endpoint.Metadata) : [];
}
