using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Programmes.Gateway.People.Pages;

/// <summary>
/// Turns on the TOTP second factor for the signed-in person: shows the key (and its otpauth link) as text, and turns
/// the factor on once a code from it checks out. Staff and operations are sent here until they have one.
/// </summary>
internal static class Enrolling
{
    public const string Issuer = "Programmes";

    public static void MapEnrolling(this RouteGroupBuilder account)
    {
        account.MapGet("/enrol", (HttpContext context, UserManager<GatewayUser> users) => RenderAsync(context, users, []));
        account.MapPost("/enrol", EnrolAsync);
    }

    private static string ReturnUrl(HttpContext context) => AccountPaths.LocalOrRoot(context.Request.Query["ReturnUrl"]);

    private static async Task<IResult> RenderAsync(HttpContext context, UserManager<GatewayUser> users, IReadOnlyList<FieldError> errors,
        int status = 200)
    {
        if (await Sessions.CurrentUserAsync(context, users) is not { Status: UserStatus.Active } user)
        {
            return Results.Redirect(AccountPaths.With(AccountPaths.SignIn, AccountPaths.With(AccountPaths.Enrol, ReturnUrl(context))));
        }
        if (user.TwoFactorEnabled)
        {
            return Results.Redirect(ReturnUrl(context));
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await Sessions.SetAuthenticatorKeyAsync(users, user, key);
        }
        var html = new Html(context);
        var uri = OtpAuthUri(user.UserName!, key);
        var body = $"""
            <p>{Html.E(html.T("EnrolText"))}</p><dl><dt>{Html.E(html.T("Key"))}</dt><dd><code>{Html.E(Grouped(key))}</code></dd>
            <dt>{Html.E(html.T("SetupLink"))}</dt><dd><a href="{Html.E(uri)}"><code>{Html.E(uri)}</code></a></dd></dl>
            """
            + html.Form(AccountPaths.Enrol, html.Field("code", "Code", "text", "one-time-code", errors, hintKey: "CodeHint", inputMode: "numeric"), "Continue");
        return html.Page("Enrol", body, errors, status);
    }

    private static async Task<IResult> EnrolAsync(HttpContext context, [FromForm] CodeForm form,
        UserManager<GatewayUser> users, SignInManager<GatewayUser> signIn, SignInAudit audit)
    {
        if (await Sessions.CurrentUserAsync(context, users) is not { Status: UserStatus.Active } user)
        {
            return Results.Redirect(AccountPaths.With(AccountPaths.SignIn, AccountPaths.With(AccountPaths.Enrol, ReturnUrl(context))));
        }
        var code = (form.Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await audit.RecordAsync(user, "SecondFactorEnrolmentFailed", context.RequestAborted);
            return await RenderAsync(context, users, [new("code", new Html(context).T("WrongCode"))], StatusCodes.Status400BadRequest);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(user, "SecondFactorEnrolled", context.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        return Results.Redirect(ReturnUrl(context));
    }

    public static string OtpAuthUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    private static string Grouped(string key) => string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
}
