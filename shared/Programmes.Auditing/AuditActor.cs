using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Programmes.ServiceDefaults;

namespace Programmes.Auditing;

/// <summary>
/// Who an entry names as having made the change. During an HTTP call it is the caller of the token; while a
/// consumed event is applied it is the service that produced the event; in a service's own background work
/// it is that service.
/// </summary>
public sealed record AuditActor(string ClientId, string Role, string Party)
{
    /// <summary>The role an entry names when a service, not a client, made the change.</summary>
    public const string ServiceRole = "service";

    internal const string UnknownService = "unknown";

    private static readonly AsyncLocal<Scope?> Ambient = new();
    private static readonly HttpContextAccessor Http = new();

    public static AuditActor Service(string name) => new(name, ServiceRole, name);

    /// <summary>The caller of a request, as its token names it.</summary>
    public static AuditActor Of(Caller caller) => new(caller.ClientId, caller.Role, caller.Party);

    /// <summary>Names the actor and action of the changes saved until the returned scope is disposed.</summary>
    public static IDisposable Use(AuditActor actor, string action)
    {
        var scope = new Scope(actor, action, Ambient.Value);
        Ambient.Value = scope;
        return scope;
    }

    internal static AuditActor Current(string serviceName) => Resolve(serviceName).Actor;

    internal static (AuditActor Actor, string Action) Resolve(string serviceName)
    {
        if (Ambient.Value is { } scope)
        {
            return (scope.Actor, scope.Action);
        }
        if (Http.HttpContext is { } http && http.User.Identity?.IsAuthenticated == true)
        {
            return (Of(http.User.GetCaller()), ActionOf(http));
        }
        return (Service(serviceName), "Scheduled");
    }

    /// <summary>
    /// The endpoint's name if it has one, else its handler's: a use case's handler is <c>Handle</c> in a class
    /// named for the use case (<c>AcceptRequest</c>, <c>ReceivingPaymentEndpoint</c>: "ReceivingPayment"); other
    /// handlers are named for their action within their feature (<c>MaintainingCentralAuthorities.Register</c>).
    /// </summary>
    private static string ActionOf(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        return ActionOf(endpoint?.Metadata ?? [], http.Request.Method, (endpoint as RouteEndpoint)?.RoutePattern.RawText);
    }

    public static string ActionOf(IEnumerable<object> metadata, string? httpMethod, string? route)
    {
        var items = metadata.ToList();
        if (items.OfType<IEndpointNameMetadata>().LastOrDefault() is { } name)
        {
            return name.EndpointName;
        }
        if (items.OfType<MethodInfo>().LastOrDefault() is { DeclaringType: { } type } method && !type.Name.Contains('<') && !method.Name.Contains('<'))
        {
            var owner = type.Name.EndsWith("Endpoints", StringComparison.Ordinal) ? type.Name[..^"Endpoints".Length]
                : type.Name.EndsWith("Endpoint", StringComparison.Ordinal) ? type.Name[..^"Endpoint".Length] : type.Name;
            return method.Name is "Handle" or "HandleAsync" ? owner : $"{owner}.{method.Name}";
        }
        return $"{httpMethod} {route}".Trim();
    }

    private sealed class Scope(AuditActor actor, string action, Scope? outer) : IDisposable
    {
        public AuditActor Actor { get; } = actor;
        public string Action { get; } = action;

        public void Dispose() => Ambient.Value = outer;
    }
}
