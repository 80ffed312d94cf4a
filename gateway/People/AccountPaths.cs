namespace Programmes.Gateway.People;

/// <summary>The gateway's own pages for people, all under <c>/account</c>, and the rule for where they may send a person back to.</summary>
public static class AccountPaths
{
    public const string Prefix = "/account";
    public const string SignIn = Prefix + "/signin";
    public const string TwoFactor = Prefix + "/two-factor";
    public const string Enrol = Prefix + "/enrol";
    public const string Invitation = Prefix + "/invitation";
    public const string SignedOut = Prefix + "/signed-out";

    public static string With(string page, string returnUrl) => $"{page}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>The sign-in page, in the language the console asked for (<c>ui_locales</c>) if any.</summary>
    public static string SignInFor(string returnUrl, string? uiLocales) =>
        With(SignIn, returnUrl) + (uiLocales?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } culture
            ? "&culture=" + Uri.EscapeDataString(culture) : "");

    /// <summary>Only a path on this origin: never another host (<c>//host</c>, <c>/\host</c>) or scheme.</summary>
    public static string LocalOrRoot(string? returnUrl) =>
        returnUrl is ['/', var second, ..] && second is not ('/' or '\\') || returnUrl == "/" ? returnUrl : "/";
}
