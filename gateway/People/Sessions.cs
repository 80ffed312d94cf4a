using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Programmes.Gateway.Persistence;

namespace Programmes.Gateway.People;

/// <summary>
/// Who a person is on the gateway: the signed-in person of the gateway's own session cookie, and whether a name in
/// an access token is an active person's. A person's name always has a dot (<c>amina.diallo</c>) and a client id never
/// has one, so a token's subject says which of the two it names.
/// </summary>
public static partial class Sessions
{
    public static async Task<GatewayUser?> CurrentUserAsync(HttpContext context, UserManager<GatewayUser> users)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
    }

    public static bool IsUserName(string? name) => name is { Length: <= 64 } && UserNamePattern().IsMatch(name);

    /// <summary>True when the person exists and is active, read from the database (every gateway instance sees a change).</summary>
    public static async Task<bool> IsActiveAsync(GatewayDb db, string userName, CancellationToken cancellationToken)
    {
        var normalized = userName.ToUpperInvariant();
        return await db.Users.AsNoTracking().AnyAsync(u => u.NormalizedUserName == normalized && u.Status == UserStatus.Active, cancellationToken);
    }

    /// <summary>
    /// Gives the person a TOTP key where Identity's authenticator token provider reads it. Unlike Identity's own reset,
    /// it keeps the security stamp, so the person's session cookie (and the form's antiforgery token) stay valid.
    /// </summary>
    public static async Task SetAuthenticatorKeyAsync(UserManager<GatewayUser> users, GatewayUser user, string key) =>
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$")]
    private static partial Regex UserNamePattern();
}
