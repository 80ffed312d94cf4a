using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake;

/// <summary>Field checks intake needs beyond the shared ones: contact details and lists of free texts.</summary>
public static class FieldRules
{
    public static bool Email(this Validation validation, string? value, string field, bool required = false)
    {
        var ok = required ? validation.Required(value, field, 254) : validation.Optional(value, field, 254);
        return ok && (value is null || validation.Check(IsEmail(value), field, "is not an email address."));
    }

    public static bool Phone(this Validation validation, string? value, string field, bool required = false)
    {
        var ok = required ? validation.Required(value, field, 40) : validation.Optional(value, field, 40);
        return ok && (value is null || validation.Check(IsPhone(value), field, "may hold only digits, spaces, '+', '-', '(', ')' and '.'."));
    }

    /// <summary>An optional list of free texts: each non-empty and bounded, the list bounded too.</summary>
    public static void Texts(this Validation validation, IReadOnlyList<string>? texts, string field, int maxLength, int max, bool required = false)
    {
        if (texts is null || texts.Count == 0)
        {
            validation.Check(!required, field, "must hold at least one item.");
            return;
        }
        validation.Check(texts.Count <= max, field, $"must name at most {max} items.");
        for (var i = 0; i < texts.Count; i++)
        {
            validation.Required(texts[i], $"{field}[{i}]", maxLength);
        }
    }

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.') && !value.Any(char.IsWhiteSpace);
    }

    private static bool IsPhone(string value) =>
        value.Any(char.IsAsciiDigit) && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.');
}
