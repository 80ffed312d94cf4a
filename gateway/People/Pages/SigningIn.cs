using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Programmes.Gateway.People.Pages;

public sealed record SignInForm(string? UserName, string? Password);

public sealed record CodeForm(string? Code);

/// <summary>
/// The sign-in page and its second step. A password checks out to a session cookie (or, for a person with a second
/// factor, to the TOTP step); every outcome is audited. Failures count towards the lockout, on both steps.
/// </summary>
internal static class SigningIn
{
    public static void MapSigningIn(this RouteGroupBuilder account)
    {
        account.MapGet("/signin", (HttpContext context, string? returnUrl) => Render(context, [], null));
        account.MapPost("/signin", SignInAsync);
        account.MapGet("/two-factor", async (HttpContext context, SignInManager<GatewayUser> signIn) =>
            await signIn.GetTwoFactorAuthenticationUserAsync() is null
                ? Results.Redirect(AccountPaths.With(AccountPaths.SignIn, ReturnUrl(context)))
                : RenderCode(context, []));
        account.MapPost("/two-factor", TwoFactorAsync);
    }

    private static string ReturnUrl(HttpContext context) => AccountPaths.LocalOrRoot(context.Request.Query["ReturnUrl"]);

    private static IResult Render(HttpContext context, IReadOnlyList<FieldError> errors, string? userName, int status = 200)
    {
        var html = new Html(context);
        var fields = html.Field("userName", "UserName", "text", "username", errors, userName)
            + html.Field("password", "Password", "password", "current-password", errors);
        return html.Page("SignIn", html.Form(AccountPaths.SignIn, fields, "SignIn"), errors, status);
    }

    private static IResult RenderCode(HttpContext context, IReadOnlyList<FieldError> errors, int status = 200)
    {
        var html = new Html(context);
        var field = html.Field("code", "Code", "text", "one-time-code", errors, hintKey: "CodeHint", inputMode: "numeric");
        return html.Page("TwoFactor", html.Form(AccountPaths.TwoFactor, field, "Continue"), errors, status);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, [FromForm] SignInForm form,
        UserManager<GatewayUser> users, SignInManager<GatewayUser> signIn, SignInAudit audit)
    {
        var html = new Html(context);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(form.UserName))
        {
            errors.Add(new("userName", html.T("EnterUserName")));
        }
        if (string.IsNullOrEmpty(form.Password))
        {
            errors.Add(new("password", html.T("EnterPassword")));
        }
        if (errors.Count > 0)
        {
            return Render(context, errors, form.UserName, StatusCodes.Status400BadRequest);
        }
        var name = form.UserName!.Trim();
        var user = await users.FindByNameAsync(name);
        if (user is null || user.Status != UserStatus.Active)
        {
            await (user is null ? audit.RecordUnknownAsync(name, "SignInFailed", context.RequestAborted)
                : audit.RecordAsync(user, "SignInFailed", context.RequestAborted, new { reason = user.Status }));
            return Render(context, [new("password", html.T("WrongCredentials"))], name, StatusCodes.Status400BadRequest);
        }
        var result = await signIn.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);
        return await OutcomeAsync(context, result, user, audit, "password",
            failed: () => Render(context, [new("password", html.T("WrongCredentials"))], name, StatusCodes.Status400BadRequest),
            lockedOut: () => Render(context, [new("password", html.T("LockedOut"))], name, StatusCodes.Status400BadRequest));
    }

    private static async Task<IResult> TwoFactorAsync(HttpContext context, [FromForm] CodeForm form,
        SignInManager<GatewayUser> signIn, SignInAudit audit)
    {
        var html = new Html(context);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Results.Redirect(AccountPaths.With(AccountPaths.SignIn, ReturnUrl(context)));
        }
        var code = (form.Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        return await OutcomeAsync(context, result, user, audit, "totp",
            failed: () => RenderCode(context, [new("code", html.T("WrongCode"))], StatusCodes.Status400BadRequest),
            lockedOut: () => RenderCode(context, [new("code", html.T("LockedOut"))], StatusCodes.Status400BadRequest));
    }

    private static async Task<IResult> OutcomeAsync(HttpContext context, Microsoft.AspNetCore.Identity.SignInResult result, GatewayUser user,
        SignInAudit audit, string step, Func<IResult> failed, Func<IResult> lockedOut)
    {
        if (result.Succeeded)
        {
            await audit.RecordAsync(user, "SignedIn", context.RequestAborted, new { step });
            return Results.Redirect(user.RequiresSecondFactor && !user.TwoFactorEnabled
                ? AccountPaths.With(AccountPaths.Enrol, ReturnUrl(context))
                : ReturnUrl(context));
        }
        if (result.RequiresTwoFactor)
        {
            return Results.Redirect(AccountPaths.With(AccountPaths.TwoFactor, ReturnUrl(context)));
        }
        await audit.RecordAsync(user, result.IsLockedOut ? "LockedOut" : "SignInFailed", context.RequestAborted, new { step });
        return result.IsLockedOut ? lockedOut() : failed();
    }
}
