using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Programmes.Auditing;
using Programmes.Gateway.AdministeringClients;
using Programmes.Gateway.People;
using Programmes.Gateway.Persistence;
using Programmes.ServiceDefaults;

namespace Programmes.Gateway.AdministeringUsers;

/// <summary>The view of a person the admin API returns; never a password, key or invitation token.</summary>
public sealed record UserView(string UserName, string Role, string Party, string? DisplayName, string? Email, string Status,
    bool SecondFactorEnabled, bool LockedOut, DateTimeOffset? InvitationExpiresAt)
{
    public static UserView Of(GatewayUser user, DateTimeOffset now) => new(user.UserName!, user.Role, user.Party, user.DisplayName,
        user.Email, user.Status, user.TwoFactorEnabled, user.LockoutEnd > now, user.InvitationExpiresAt);
}

public sealed record UserAuditEntryView(DateTimeOffset At, string Actor, string Action, string UserName, string? Detail, string? TraceId);

/// <summary>
/// The staff-only admin API for the people who sign in to the console: list, invite, disable, enable, reset the
/// second factor, and read a person's audit trail (sign-ins and failures included). Every change is audited with
/// the calling staff member or client as actor, in the same transaction as the change.
/// </summary>
public static class UserAdministration
{
    public const string Prefix = "/api/gateway/users";

    public static IEndpointRouteBuilder MapUserAdministration(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup(Prefix).RequireRoles(Roles.Staff).WithTags("Users");
        users.MapGet("", ListAsync);
        users.MapInvitingUser();
        users.MapChangingUser();
        users.MapGet("/{userName}/audit", async Task<Ok<UserAuditEntryView[]>> (string userName, GatewayDb db, CancellationToken cancellationToken) =>
            TypedResults.Ok(await ReadingAudit.Of(db, SignInAudit.Object, userName)
                .Select(e => new UserAuditEntryView(e.At, e.ActorClientId, e.Action, e.ObjectId, e.After, e.TraceId))
                .ToArrayAsync(cancellationToken)))
            .WithSummary("A person's audit trail, newest first: invitation, sign-ins, failures, lockouts and every administration step.");
        return app;
    }

    private static async Task<Ok<UserView[]>> ListAsync(UserManager<GatewayUser> users, TimeProvider clock, CancellationToken cancellationToken)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(u => UserView.Of(u, clock.GetUtcNow())).ToArray());
    }

    /// <summary>Records a change to a person on the audit trail; saved by the next SaveChanges, with the change.</summary>
    internal static void Audit(this GatewayDb db, string action, GatewayUser user, object? after = null) =>
        db.AddAudit(action, SignInAudit.Object, user.UserName!, before: null, after);
}
