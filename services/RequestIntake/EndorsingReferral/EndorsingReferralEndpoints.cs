using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.EndorsingReferral;

/// <summary>Only the State a referral concerns may endorse or decline it; for anyone else it does not exist.</summary>
public static class EndorsingReferralEndpoints
{
    public static IEndpointRouteBuilder MapEndorsingReferral(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/intake/requests/{id:guid}").RequireRoles(Roles.State).WithTags("Referrals");
        requests.MapPost("/endorse", EndorseReferral.Handle);
        requests.MapPost("/decline-referral", DeclineReferral.Handle);
        return app;
    }
}
