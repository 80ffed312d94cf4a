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
        // A noun segment, not "request-information": a generated client (Kiota) names a namespace after each
        // segment, and RequestInformation would hide its own request type of that name.
        requests.MapPost("/information-request", RequestInformation.Handle)
            .WithName("requestInformation").WithSummary("Request information about a request");
        // The route's former name, kept so that clients written against it keep working: answered the same, with
        // RFC 9745's Deprecation header and a link to its successor; left out of the documents (docs/api.md).
        requests.MapPost("/request-information", RequestInformation.Handle)
            .AddEndpointFilter(async (context, next) =>
            {
                var headers = context.HttpContext.Response.Headers;
                headers["Deprecation"] = "@1796083200"; // 2026-12-01T00:00:00Z
                headers.Link = $"<{context.HttpContext.Request.PathBase}{context.HttpContext.Request.Path.Value![..^"request-information".Length]}information-request>; rel=\"successor-version\"";
                return await next(context);
            })
            .ExcludeFromDescription();
        return app;
    }
}
