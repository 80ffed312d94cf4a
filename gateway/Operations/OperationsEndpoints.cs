using Programmes.ServiceDefaults;

namespace Programmes.Gateway.Operations;

/// <summary>
/// <c>/api/operations/**</c>: what the operations role may read: health here, dead letters in HandlingDeadLetters. Staff may
/// read it too. Operations may call nothing else: no service prefix admits its role.
/// </summary>
public static class OperationsEndpoints
{
    public const string Prefix = "/api/operations";

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        var operations = app.MapGroup(Prefix).RequireRoles(Roles.Operations, Roles.Staff).WithTags("Operations");
        operations.MapAggregatingHealth();
        return app;
    }
}
