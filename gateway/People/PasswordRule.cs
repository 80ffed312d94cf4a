namespace Programmes.Gateway.People;

/// <summary>
/// The password rule: at least 12 characters, nothing else asked (length is what makes a password hard to guess;
/// composition rules mostly make it hard to remember). Identity's validator is configured from the same number.
/// </summary>
public static class PasswordRule
{
    public const int MinimumLength = 12;

    public static bool IsAcceptable(string? password) => password is { Length: >= MinimumLength };
}
