using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.TrackingRatifications;

/// <summary>The ratification tracker (op. 1): 193 States x 19 instruments, kept by staff, read by all.</summary>
public static class TrackingRatificationsEndpoints
{
    public static IEndpointRouteBuilder MapTrackingRatifications(this IEndpointRouteBuilder app)
    {
        var ratifications = app.MapGroup("/api/intake/ratifications").WithTags("Ratifications");
        ratifications.MapGet("", ReadingRatifications.Global).RequireRoles(Roles.Staff, Roles.Partner, Roles.State);
        ratifications.MapGet("/{stateCode}", ReadingRatifications.ForState).RequireRoles(Roles.Staff, Roles.Partner, Roles.State);
        ratifications.MapPut("/{stateCode}/{instrumentCode}", RecordRatification.Handle).RequireRoles(Roles.Staff);
        return app;
    }
}
