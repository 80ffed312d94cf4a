using System.Globalization;

namespace Programmes.ServiceDefaults.OpenApi;

/// <summary>
/// A summary and an operationId read from the method and the route, for operations that do not name their
/// own (<c>WithSummary</c>, <c>WithName</c> win): <c>POST /api/intake/requests/{id}/accept</c> is
/// "Accept a request" (<c>acceptRequest</c>), <c>GET /api/planning/programmes</c> is "List programmes".
/// </summary>
public static class OperationNames
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "accept", "decline", "endorse", "decline-referral", "revoke", "replay", "discard",
        "rotate-secret", "enable", "withdraw", "redeliver", "bulk",
    };

    /// <summary>How an action segment reads before its object ("Rotate the secret of" an endpoint).</summary>
    private static readonly Dictionary<string, string> Phrases = new(StringComparer.Ordinal)
    {
        ["decline-referral"] = "Decline the referral of",
        ["rotate-secret"] = "Rotate the secret of",
        ["bulk"] = "Load in bulk",
    };

    public sealed record Names(string Summary, string OperationId);

    public static Names For(string method, string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count > 0 && segments[0] == "api")
        {
            segments.RemoveRange(0, Math.Min(2, segments.Count));
        }
        if (segments.Count == 0)
        {
            return Make(method == "GET" ? "Read" : Capital(method.ToLowerInvariant()), path.Trim('/').Replace('/', ' '), null);
        }
        var last = segments[^1];
        var endsWithParameter = IsParameter(last);
        var literals = segments.Where(s => !IsParameter(s)).ToList();
        var noun = literals.Count > 0 ? literals[^1] : "resource";
        var owner = segments.Count >= 2 && IsParameter(segments[^2]) && literals.Count >= 2 ? Singular(literals[^2]) : null;
        switch (method.ToUpperInvariant())
        {
            case "GET" when endsWithParameter:
                return Make("Get", Singular(noun), owner: null, article: true);
            case "GET":
                return Make(noun.EndsWith('s') ? "List" : "Get", Words(literals.Count >= 2 && owner is null ? $"{noun} {literals[^2]}" : noun), owner);
            case "POST" when Verbs.Contains(noun) && owner is not null:
                return Make(Phrases.GetValueOrDefault(noun, Capital(Words(noun))), owner, null, article: true);
            case "POST" when owner is not null:
                return noun.EndsWith('s') ? Make("Add", Singular(noun), owner, article: true, preposition: "to") : Make("Submit", Words(noun), owner, preposition: "for");
            case "POST":
                return Make(Verbs.Contains(noun) ? Phrases.GetValueOrDefault(noun, Capital(Words(noun))) : "Create", Verbs.Contains(noun) && literals.Count >= 2 ? Words(literals[^2]) : Singular(noun), null, article: !Verbs.Contains(noun));
            case "PUT" when endsWithParameter:
                return Make(owner is null && segments.Count >= 3 && IsParameter(segments[^2]) ? "Record" : "Update", Singular(noun), null, article: true);
            case "PUT":
                return Make("Set", Words(noun), owner, preposition: "of");
            case "DELETE":
                return Make("Delete", Singular(noun), null, article: true);
            default:
                return Make(Capital(method.ToLowerInvariant()), Words(noun), owner);
        }
    }

    private static Names Make(string verb, string thing, string? owner, bool article = false, string preposition = "of")
    {
        var summary = article ? $"{verb} {Article(thing)} {thing}" : $"{verb} {thing}";
        if (owner is not null)
        {
            summary += $" {preposition} {Article(owner)} {owner}";
        }
        var words = $"{verb} {thing}{(owner is null ? "" : $" {preposition} {owner}")}".Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        var id = string.Concat(words.Select((w, i) => i == 0 ? w.ToLowerInvariant() : Capital(w.ToLowerInvariant())));
        return new Names(summary, new string(id.Where(char.IsAsciiLetterOrDigit).ToArray()));
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{');

    private static string Words(string segment) => segment.Replace('-', ' ');

    private static string Singular(string segment)
    {
        var words = Words(segment);
        if (words.EndsWith("ies", StringComparison.Ordinal))
        {
            return words[..^3] + "y";
        }
        return words.EndsWith('s') && !words.EndsWith("ss", StringComparison.Ordinal) ? words[..^1] : words;
    }

    private static string Article(string thing) => "aeiou".Contains(thing[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Capital(string word) => word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
