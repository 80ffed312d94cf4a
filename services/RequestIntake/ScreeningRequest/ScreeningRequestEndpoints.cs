using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.ScreeningRequest;

/// <summary>Staff screen a request: within the mandate, a duplicate, complete? Then accept, decline or ask.</summary>
public static class ScreeningRequestEndpoints
{
    public static IEndpointRouteBuilder MapScreeningRequest(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/intake/requests/{id:guid}").RequireRoles(Roles.Staff).WithTags("Screening");
        requests.MapPost("/accept", AcceptRequest.Handle);
        requests.MapPost("/decline", DeclineRequest.Handle);
        // A noun segment: a generated client (Kiota) names a namespace after each segment, and a segment
        // "request-information" would give a namespace RequestInformation that hides Kiota's own type of that name.
        requests.MapPost("/information-request", RequestInformation.Handle)
            .WithName("requestInformation").WithSummary("Request information about a request");
        return app;
    }
}
