using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Programmes.ReferenceData;

namespace Programmes.Console.Localization;

/// <summary>
/// The console's words in the six official languages of the United Nations, from the embedded
/// <c>texts.{culture}.json</c> resources (a unit test checks that each has every key of the English one).
/// Looked up in the current UI culture; a missing word falls back to English.
/// </summary>
public sealed class Texts
{
    public static readonly IReadOnlyList<string> Cultures = ["en", "ar", "zh", "fr", "ru", "es"];

    /// <summary>Each language's own name, for the language switcher.</summary>
    public static readonly IReadOnlyDictionary<string, string> Endonyms = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["ar"] = "العربية",
        ["zh"] = "中文",
        ["fr"] = "Français",
        ["ru"] = "Русский",
        ["es"] = "Español",
    };

    public static FrozenDictionary<string, FrozenDictionary<string, string>> All { get; } =
        Cultures.ToFrozenDictionary(c => c, Load);

    public string this[string key] => Lookup(key) ?? key;

    /// <summary>A word with its placeholders filled in (<c>{0}</c>, ...).</summary>
    public string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, this[key], values);

    public static string Culture => Cultures.Contains(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : "en";

    public static bool RightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    public string State(string code) => Lookup($"state.{code}") ?? (Reference.MemberStates.TryGetValue(code, out var s) ? s.Name : code);

    public string ThematicArea(string code) => Lookup($"area.{code}") ?? (Reference.ThematicAreas.TryGetValue(code, out var a) ? a.Name : code);

    public string Instrument(string code) => Lookup($"instrument.{code}") ?? (Reference.Instruments.TryGetValue(code, out var i) ? i.ShortName : code);

    public string Status(string status) => Lookup($"status.{status}") ?? status;

    private static string? Lookup(string key) =>
        All[Culture].TryGetValue(key, out var word) || All["en"].TryGetValue(key, out word) ? word : null;

    private static FrozenDictionary<string, string> Load(string culture)
    {
        using var stream = typeof(Texts).Assembly.GetManifestResourceStream($"texts.{culture}.json")
            ?? throw new InvalidOperationException($"The resource texts.{culture}.json is missing.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
