using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Programmes.Gateway.People;
using Programmes.Gateway.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.Gateway.AdministeringUsers;

/// <summary>
/// Disables and enables a person, and resets their second factor. Disabling changes the security stamp, so the
/// gateway's session cookie stops working, and the gateway refuses the person's access tokens within
/// <c>Auth:ClientStatusCacheDuration</c> (5 s), as for a revoked client; their refresh tokens are refused at once.
/// </summary>
internal static class ChangingUser
{
    public static void MapChangingUser(this RouteGroupBuilder users)
    {
        users.MapPost("/{userName}/disable", (string userName, UserManager<GatewayUser> manager, GatewayDb db, TimeProvider clock, CancellationToken ct) =>
            ChangeAsync(userName, "Disabled", u => u.Status == UserStatus.Active, u => u.Status = UserStatus.Disabled, manager, db, clock, ct))
            .WithSummary("Disable a person: their session and tokens are refused within 5 s.");
        users.MapPost("/{userName}/enable", (string userName, UserManager<GatewayUser> manager, GatewayDb db, TimeProvider clock, CancellationToken ct) =>
            ChangeAsync(userName, "Enabled", u => u.Status == UserStatus.Disabled, u => u.Status = UserStatus.Active, manager, db, clock, ct))
            .WithSummary("Enable a disabled person again.");
        users.MapPost("/{userName}/reset-second-factor", (string userName, UserManager<GatewayUser> manager, GatewayDb db, TimeProvider clock, CancellationToken ct) =>
            ChangeAsync(userName, "SecondFactorReset", u => u.Status != UserStatus.Invited, u => u.TwoFactorEnabled = false, manager, db, clock, ct))
            .WithSummary("Turn off a person's second factor and forget its key; staff and operations must enrol again at their next sign-in.");
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> ChangeAsync(string userName, string action,
        Func<GatewayUser, bool> allowed, Action<GatewayUser> change, UserManager<GatewayUser> users, GatewayDb db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return Problem.NotFound("The person");
        }
        if (!allowed(user))
        {
            return Problem.IllegalTransition(action switch { "Disabled" => "disable the person", "Enabled" => "enable the person", _ => "reset the second factor" },
                user.Status);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        change(user);
        if (action == "SecondFactorReset")
        {
            // Forgets the key too: a new one is made at enrolment. Also saves the change above.
            await users.ResetAuthenticatorKeyAsync(user);
        }
        db.Audit(action, user);
        // Saves the change and its audit entry; a new stamp ends the person's gateway session.
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return Problem.Conflict(string.Join(" ", updated.Errors.Select(e => e.Description)));
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(UserView.Of(user, clock.GetUtcNow()));
    }
}
