using System.Text.Json;
using System.Text.Json.Serialization;

namespace Programmes.Console.Api;

/// <summary>An RFC 9457 problem as the API answers it; <see cref="Errors"/> is keyed by the JSON path of each field.</summary>
public sealed record Problem(
    string? Type,
    string? Title,
    int Status,
    string? Detail,
    Dictionary<string, string[]>? Errors)
{
    /// <summary>The messages for one form field: its own key and those of its items (<c>thematicAreas[0]</c>).</summary>
    public IEnumerable<string> For(string field) => (Errors ?? []).Where(e => FieldOf(e.Key) == field).SelectMany(e => e.Value);

    /// <summary>The form field a problem key belongs to: <c>thematicAreas[0]</c> and <c>thematicAreas</c> are one field.</summary>
    public static string FieldOf(string key)
    {
        var end = key.IndexOfAny(['[', '.']);
        return end < 0 ? key : key[..end];
    }
}

/// <summary>What a call answered: the value, or the problem (never an exception for a 4xx).</summary>
public sealed record ApiResult<T>(T? Value, Problem? Problem, Uri? Location = null)
{
    public bool Ok => Problem is null;
}

public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
