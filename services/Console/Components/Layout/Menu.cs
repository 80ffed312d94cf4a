using System.Security.Claims;
using Programmes.ServiceDefaults;

namespace Programmes.Console.Components.Layout;

/// <summary>The pages each role works on (links and the names of their words).</summary>
public static class Menu
{
    public static IEnumerable<(string Href, string Key)> For(ClaimsPrincipal user) => user.FindFirstValue(ProgrammesClaims.Role) switch
    {
        Roles.State =>
        [
            ("/state/requests", "nav.state.requests"),
            ("/state/requests/new", "nav.state.submit"),
            ("/state/authorities", "nav.state.authorities"),
            ("/state/ratifications", "nav.state.ratifications"),
        ],
        Roles.Staff => [("/staff/screening", "nav.staff.screening")],
        _ => [],
    };

    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirstValue("name") ?? user.FindFirstValue("sub") ?? "";

    public static string Party(ClaimsPrincipal user) => user.FindFirstValue(ProgrammesClaims.Party) ?? "";
}
