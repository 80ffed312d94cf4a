using System.Text.Json;
using Programmes.Auditing;

namespace Programmes.RequestIntake.SearchingCentralAuthorities;

public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>One audit entry on a directory entry, as the directory has always shown it: the fields that changed.</summary>
public sealed record AuthorityChangeView(DateTimeOffset ChangedAt, string ChangedBy, string Action, IReadOnlyList<FieldChange> Changes)
{
    public static AuthorityChangeView From(AuditEntry entry)
    {
        var before = Fields(entry.Before);
        var after = Fields(entry.After);
        var changes = before.Keys.Union(after.Keys)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal)
            .Select(k => new FieldChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .ToList();
        var action = entry.Before is null ? "Registered" : entry.After is null ? "Removed" : "Updated";
        return new AuthorityChangeView(entry.At, entry.ActorClientId, action, changes);
    }

    private static Dictionary<string, string?> Fields(string? json)
    {
        if (json is null)
        {
            return [];
        }
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value));
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };
}
