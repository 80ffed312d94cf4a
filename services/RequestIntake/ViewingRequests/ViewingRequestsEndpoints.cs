using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.ViewingRequests;

/// <summary>States follow their own requests; staff see all; CTED sees the requests its referrals began.</summary>
public static class ViewingRequestsEndpoints
{
    public static IEndpointRouteBuilder MapViewingRequests(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/intake/requests").RequireRoles(Roles.State, Roles.Staff, Roles.Partner).WithTags("Requests");
        requests.MapGet("", ListRequests.Handle);
        requests.MapGet("/{id:guid}", GetRequest.Handle);
        return app;
    }
}
