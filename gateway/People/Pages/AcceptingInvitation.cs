using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Programmes.Gateway.People.Pages;

public sealed record InvitationForm(string? NewPassword, string? Confirm);

/// <summary>
/// An invited person sets their password through the one-time link staff gave them. The link works once and until
/// it expires; accepting makes the account active. The person then signs in as anyone does.
/// </summary>
internal static class AcceptingInvitation
{
    public static void MapAcceptingInvitation(this RouteGroupBuilder account)
    {
        account.MapGet("/invitation", async (HttpContext context, UserManager<GatewayUser> users, TimeProvider clock, string? token) =>
            await FindAsync(users, token, clock) is null ? Invalid(context) : Render(context, []));
        account.MapPost("/invitation", AcceptAsync);
    }

    /// <summary>The token's hash as stored on the invited user: the token itself is only ever in the link.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static async Task<GatewayUser?> FindAsync(UserManager<GatewayUser> users, string? token, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = Hash(token);
        var user = await users.Users.SingleOrDefaultAsync(u => u.InvitationHash == hash);
        return user is { Status: UserStatus.Invited } && user.InvitationExpiresAt > clock.GetUtcNow() ? user : null;
    }

    private static IResult Invalid(HttpContext context)
    {
        var html = new Html(context);
        return html.Page("Invitation", $"<p>{Html.E(html.T("BadInvitation"))}</p>", status: StatusCodes.Status404NotFound);
    }

    private static IResult Render(HttpContext context, IReadOnlyList<FieldError> errors, int status = 200)
    {
        var html = new Html(context);
        var fields = html.Field("newPassword", "NewPassword", "password", "new-password", errors, hintKey: "PasswordHint")
            + html.Field("confirm", "Confirm", "password", "new-password", errors);
        return html.Page("Invitation", html.Form(AccountPaths.Invitation, fields, "SetPassword"), errors, status);
    }

    private static async Task<IResult> AcceptAsync(HttpContext context, [FromForm] InvitationForm form, string? token,
        UserManager<GatewayUser> users, SignInAudit audit, TimeProvider clock)
    {
        if (await FindAsync(users, token, clock) is not { } user)
        {
            return Invalid(context);
        }
        var html = new Html(context);
        var errors = new List<FieldError>();
        if (!PasswordRule.IsAcceptable(form.NewPassword))
        {
            errors.Add(new("newPassword", html.T("ShortPassword")));
        }
        else if (form.NewPassword != form.Confirm)
        {
            errors.Add(new("confirm", html.T("Mismatch")));
        }
        if (errors.Count > 0)
        {
            return Render(context, errors, StatusCodes.Status400BadRequest);
        }
        var added = await users.AddPasswordAsync(user, form.NewPassword!);
        if (!added.Succeeded)
        {
            return Render(context, [new("newPassword", html.T("ShortPassword"))], StatusCodes.Status400BadRequest);
        }
        user.Status = UserStatus.Active;
        user.InvitationHash = null;
        user.InvitationExpiresAt = null;
        user.EmailConfirmed = user.Email is not null;
        await users.UpdateAsync(user);
        await audit.RecordAsync(user, "InvitationAccepted", context.RequestAborted);
        return Results.Redirect(AccountPaths.With(AccountPaths.SignIn, "/"));
    }
}
