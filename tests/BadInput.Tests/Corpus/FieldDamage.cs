using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Programmes.BadInput.Tests.Corpus;

/// <summary>The ways one field is damaged: wrong types, null, removal, oversize, poison bytes, and by the shape of its value.</summary>
public static partial class JsonCorpus
{
    private static IEnumerable<FieldOp> OpsFor(IReadOnlyList<object> path, JsonNode? value, string[] optional, string[] enums, string[] freeText)
    {
        var pattern = Pattern(path);
        var isElement = path[^1] is int;
        var required = !isElement && !optional.Any(o => o == pattern || (o.EndsWith(".*", StringComparison.Ordinal) && pattern.StartsWith(o[..^1], StringComparison.Ordinal)));
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;

        foreach (var wrong in WrongTypes(kind))
        {
            yield return new FieldOp($"wrong type {wrong}", path, wrong);
        }
        yield return new FieldOp($"{Levels} levels of nesting", path, new string('[', Levels) + new string(']', Levels));
        if (required || isElement)
        {
            yield return new FieldOp("null", path, "null");
        }
        if (required)
        {
            yield return new FieldOp("missing", path, null, Remove: true);
        }

        switch (kind)
        {
            case JsonValueKind.String:
                var text = value!.GetValue<string>();
                if (required)
                {
                    yield return new FieldOp("empty string", path, "\"\"");
                    yield return new FieldOp("blank string", path, "\"   \"");
                }
                yield return new FieldOp("100 KB string", path, Quote(new string('x', HugeString)));
                yield return new FieldOp("NUL character", path, "\"a\\u0000b\"");
                yield return new FieldOp("lone surrogate", path, "\"a\\ud800b\"");
                foreach (var op in ByShape(path, text, enums.Contains(pattern), freeText.Contains(pattern)))
                {
                    yield return op;
                }
                break;
            case JsonValueKind.Number:
                foreach (var number in new[] { "-1", "1e400", "-1e400", "79228162514264337593543950336", "-79228162514264337593543950336", "1e16" })
                {
                    yield return new FieldOp($"number {number}", path, number);
                }
                break;
            case JsonValueKind.Array:
                var array = value!.AsArray();
                if (required)
                {
                    yield return new FieldOp("empty list", path, "[]");
                }
                if (array.Count > 0 && array[0] is { } first)
                {
                    var element = first.ToJsonString();
                    var copies = Math.Min(10_001, 900_000 / (element.Length + 1));
                    yield return new FieldOp($"{copies} elements", path, "[" + string.Join(',', Enumerable.Repeat(element, copies)) + "]");
                    if (first.GetValueKind() == JsonValueKind.String && IsCode(first.GetValue<string>()) && !freeText.Contains(pattern + "[]"))
                    {
                        yield return new FieldOp("repeated code", path, $"[{element},{element}]");
                    }
                }
                break;
        }
    }

    private static IEnumerable<FieldOp> ByShape(IReadOnlyList<object> path, string text, bool isEnum, bool isFreeText)
    {
        string[] values;
        if (DateShape().IsMatch(text))
        {
            values = ["0000-00-00", "10000-01-01", "2026-02-30", "2026-13-01", "2026-1-1", "01/03/2026", "2026-03-01T25:00:00", "-2026-03-01"];
        }
        else if (MonthShape().IsMatch(text))
        {
            values = ["2026-13", "0000-00", "10000-01", "2026-1", "January 2026"];
        }
        else if (Guid.TryParseExact(text, "D", out _))
        {
            values = ["not-a-guid", "0000000-0000-0000-0000-000000000000Z", "{" + text + "}"];
            foreach (var id in new[] { Guid.Empty, new Guid("b7e1c3a2-5d4f-4e6a-9c8b-1a2b3c4d5e6f") })
            {
                yield return new FieldOp($"id of nothing {id}", path, Quote(id.ToString()), NamesMissingObject: true);
            }
        }
        else if (text.StartsWith("http", StringComparison.Ordinal))
        {
            values = ["not a url", "javascript:alert(1)", "ftp://example.org/x", "http://"];
        }
        else if (text.Contains('@') && !text.Contains(' '))
        {
            values = ["not-an-email", "not an email at all"];
        }
        else if (isEnum || (IsCode(text) && !isFreeText))
        {
            values = ["ZZZ-NOT-A-CODE", "Z", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"];
        }
        else
        {
            values = [];
        }
        foreach (var bad in values)
        {
            yield return new FieldOp($"bad value '{bad}'", path, Quote(bad));
        }
    }

    private static bool IsCode(string text) => CodeShape().IsMatch(text);

    private static string[] WrongTypes(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => ["42", "-1.5", "true", "{}", "[]", "[\"x\"]"],
        JsonValueKind.Number => ["\"12\"", "true", "{}", "[]", "\"NaN\"", "\"Infinity\""],
        JsonValueKind.True or JsonValueKind.False => ["\"true\"", "1", "0", "{}", "[]"],
        JsonValueKind.Object => ["\"x\"", "42", "true", "[]", "[{}]"],
        JsonValueKind.Array => ["\"x\"", "42", "true", "{}"],
        _ => ["42", "{}"],
    };
}
