using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Programmes.BadInput.Tests.Corpus;

/// <summary>
/// Generates malformed JSON bodies from one valid sample: every field of the sample (nested objects and the
/// first element of every list included) is given wrong types, null, removed, oversized, poisoned with bytes a
/// database refuses, and, by the shape of its value, impossible dates, unknown codes, broken ids, overflowing
/// numbers. Whole-body damage (truncation, invalid UTF-8, nesting, wrong media types, duplicates) follows, then
/// deterministic random combinations of field damage until <c>minimum</c> bodies exist. Every body is invalid:
/// only required fields are removed or nulled, and combinations never touch one top-level field twice.
/// </summary>
public static partial class JsonCorpus
{
    public const string Json = "application/json";
    public const int Levels = 10_000;
    private const int HugeString = 100 * 1024;
    private const int TooLarge = 2 * 1024 * 1024;

    public static IReadOnlyList<BadBody> Generate(Sample sample, int seed, int minimum)
    {
        var valid = JsonNode.Parse(sample.Json)!.AsObject();
        var optional = sample.Optional ?? [];
        var enums = sample.Enums ?? [];
        var text = sample.Text ?? [];
        var fieldOps = Fields(valid, []).SelectMany(f => OpsFor(f.Path, f.Value, optional, enums, text)).ToList();

        var bodies = new List<BadBody>();
        bodies.AddRange(fieldOps.Select(op => Apply(valid, [op])));
        bodies.AddRange(WholeBody(valid, optional, seed).Where(b => !sample.BodyOptional || !(b.Bytes.Length == 0 || b.ContentType is null || b.Kind.EndsWith(": null", StringComparison.Ordinal))));

        var random = new Random(seed);
        var byTopField = fieldOps.GroupBy(op => op.Path[0]).Select(g => g.ToArray()).ToArray();
        var seen = bodies.Select(b => Convert.ToBase64String(b.Bytes)).ToHashSet();
        for (var attempt = 0; bodies.Count < minimum && attempt < minimum * 20; attempt++)
        {
            var picked = byTopField.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).Select(g => g[random.Next(g.Length)]).ToArray();
            var body = Apply(valid, picked);
            if (picked.Length > 1 && seen.Add(Convert.ToBase64String(body.Bytes)))
            {
                bodies.Add(body);
            }
        }
        // Bodies of one or two fields have few combinations: one bad field among unknown properties (which are
        // ignored, so the body stays exactly as invalid as its bad field).
        while (bodies.Count < minimum)
        {
            var op = fieldOps[random.Next(fieldOps.Count)];
            var extras = Enumerable.Range(0, random.Next(1, 4)).Select(_ => new FieldOp("unknown property", [$"x{random.Next(1_000_000)}"], random.Next(4) switch
            {
                0 => "1",
                1 => "\"extra\"",
                2 => "{\"nested\":[1,2]}",
                _ => "null",
            }));
            var body = Apply(valid, [op, .. extras]);
            if (seen.Add(Convert.ToBase64String(body.Bytes)))
            {
                bodies.Add(body);
            }
        }
        return bodies;
    }

    /// <summary>The sample serialized as it is sent: compact UTF-8.</summary>
    public static byte[] Bytes(Sample sample) => Encoding.UTF8.GetBytes(JsonNode.Parse(sample.Json)!.ToJsonString());

    private sealed record FieldOp(string Kind, IReadOnlyList<object> Path, string? Raw, bool Remove = false, bool NamesMissingObject = false);

    private static IEnumerable<(IReadOnlyList<object> Path, JsonNode? Value)> Fields(JsonNode node, IReadOnlyList<object> path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    IReadOnlyList<object> child = [.. path, name];
                    yield return (child, value);
                    if (value is not null)
                    {
                        foreach (var nested in Fields(value, child))
                        {
                            yield return nested;
                        }
                    }
                }
                break;
            case JsonArray { Count: > 0 } array:
                IReadOnlyList<object> first = [.. path, 0];
                yield return (first, array[0]);
                if (array[0] is not null)
                {
                    foreach (var nested in Fields(array[0]!, first))
                    {
                        yield return nested;
                    }
                }
                break;
        }
    }

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

    private static IEnumerable<BadBody> WholeBody(JsonObject valid, string[] optional, int seed)
    {
        var text = valid.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(text);
        yield return new BadBody("empty body", "$", [], Json);
        foreach (var other in new[] { "null", "[]", "42", "\"text\"", "true", "   ", "[" + text + "]", "[" + text + "," + text + "]" })
        {
            yield return new BadBody($"not an object: {Shorten(other)}", "$", Encoding.UTF8.GetBytes(other), Json);
        }
        var requiredTop = valid.Select(p => p.Key).Where(k => !optional.Contains(k)).ToArray();
        if (requiredTop.Length > 0)
        {
            yield return new BadBody("empty object", "$", "{}"u8.ToArray(), Json);
            var without = valid.DeepClone().AsObject();
            without.Remove(requiredTop[0]);
            without["unknownProperty"] = "accepted and ignored";
            without["__proto__"] = new JsonObject { ["admin"] = true };
            yield return new BadBody("unknown properties, required field missing", requiredTop[0], Encoding.UTF8.GetBytes(without.ToJsonString()), Json);
        }

        var random = new Random(seed);
        foreach (var cut in new[] { 1, bytes.Length - 1 }.Concat(Enumerable.Range(0, 18).Select(_ => random.Next(1, bytes.Length - 1))).Distinct())
        {
            yield return new BadBody($"truncated at byte {cut}", "$", bytes[..cut], Json);
        }

        // Inside the first string value, or else just before the first value: either way the document is not UTF-8.
        var inValue = text.IndexOf("\":\"", StringComparison.Ordinal) is var inString and >= 0
            ? Encoding.UTF8.GetByteCount(text[..(inString + 3)])
            : Encoding.UTF8.GetByteCount(text[..(text.IndexOf("\":", StringComparison.Ordinal) + 2)]);
        foreach (var (name, poison) in new (string, byte[])[]
        {
            ("0xFF", [0xFF]), ("overlong '/'", [0xC0, 0xAF]), ("lone continuation byte", [0x80]), ("UTF-8-encoded surrogate", [0xED, 0xA0, 0x80]),
            ("beyond U+10FFFF", [0xF5, 0x80, 0x80, 0x80]), ("truncated sequence", [0xE2, 0x82]), ("0xFE 0xFF", [0xFE, 0xFF]),
        })
        {
            yield return new BadBody($"invalid UTF-8 in a value: {name}", "$", [.. bytes[..inValue], .. poison, .. bytes[inValue..]], Json);
        }
        if (requiredTop.Length > 0)
        {
            // In a required property's name: the property is then unknown (ignored), so the body lacks it.
            var name = Encoding.UTF8.GetByteCount(text[..(text.IndexOf($"\"{requiredTop[0]}\":", StringComparison.Ordinal) + 2)]);
            yield return new BadBody("invalid UTF-8 in a property name", requiredTop[0], [.. bytes[..name], 0xFF, .. bytes[name..]], Json);
        }
        yield return new BadBody("UTF-16 sent as UTF-8", "$", Encoding.Unicode.GetBytes(text), Json);

        foreach (var (name, broken) in new[]
        {
            ("comment", "/* comment */" + text),
            ("trailing comma", text[..^1] + ",}"),
            ("single quotes", text.Replace('"', '\'')),
            ("NaN literal", text[..^1] + ",\"extra\":NaN}"),
            ("unquoted property name", "{" + text[2..].Remove(text[2..].IndexOf('"'), 1)),
            ("two documents", text + text),
            ("garbage after the document", text + "garbage"),
            ($"{Levels} nested arrays", new string('[', Levels) + new string(']', Levels)),
            ($"{Levels} nested objects", string.Concat(Enumerable.Repeat("{\"a\":", Levels)) + "1" + new string('}', Levels)),
        })
        {
            yield return new BadBody(name, "$", Encoding.UTF8.GetBytes(broken), Json);
        }

        var padded = Encoding.UTF8.GetBytes(text[..^1] + ",\"padding\":\"" + new string('x', TooLarge) + "\"}");
        yield return new BadBody("2 MB body", "$", padded, Json, Expected: 413);

        foreach (var mediaType in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null })
        {
            yield return new BadBody($"media type {mediaType ?? "missing"}", "$", bytes, mediaType, Expected: 415);
        }
        yield return new BadBody("unknown charset", "$", bytes, "application/json; charset=klingon");
        yield return new BadBody("UTF-8 bytes labelled UTF-16", "$", bytes, "application/json; charset=utf-16");

        foreach (var (name, value) in valid)
        {
            var wrong = WrongTypes(value?.GetValueKind() ?? JsonValueKind.Null)[0];
            yield return new BadBody("duplicate property, last one wrong", name, Encoding.UTF8.GetBytes(text[..^1] + $",\"{name}\":{wrong}}}"), Json);
        }
    }

    private static BadBody Apply(JsonObject valid, IReadOnlyList<FieldOp> ops)
    {
        var root = valid.DeepClone();
        var raws = new Dictionary<string, string>();
        foreach (var op in ops)
        {
            var parent = Walk(root, op.Path.Take(op.Path.Count - 1));
            if (op.Remove)
            {
                switch (op.Path[^1], parent)
                {
                    case (string name, JsonObject obj):
                        obj.Remove(name);
                        break;
                    case (int i, JsonArray array):
                        array.RemoveAt(i);
                        break;
                }
                continue;
            }
            var token = $"@@raw{raws.Count}@@";
            raws[token] = op.Raw!;
            switch (op.Path[^1], parent)
            {
                case (string name, JsonObject obj):
                    obj[name] = token;
                    break;
                case (int i, JsonArray array):
                    array[i] = token;
                    break;
            }
        }
        var text = root.ToJsonString();
        foreach (var (token, raw) in raws)
        {
            text = text.Replace($"\"{token}\"", raw, StringComparison.Ordinal);
        }
        var kind = string.Join(" + ", ops.Select(o => o.Kind));
        var field = string.Join(", ", ops.Select(o => Display(o.Path)));
        return new BadBody(Shorten(kind), field, Encoding.UTF8.GetBytes(text), Json, NamesMissingObject: ops.Any(o => o.NamesMissingObject));
    }

    private static JsonNode Walk(JsonNode root, IEnumerable<object> path) =>
        path.Aggregate(root, (node, segment) => segment switch
        {
            string name => node[name]!,
            int i => node[i]!,
            _ => node,
        });

    /// <summary>The field as a client reads it: <c>activities[0].place.city</c>.</summary>
    private static string Display(IReadOnlyList<object> path) =>
        string.Concat(path.Select((s, i) => s is int n ? $"[{n}]" : i == 0 ? (string)s : "." + s));

    /// <summary>The field as a sample names it: <c>activities[].place.city</c>.</summary>
    private static string Pattern(IReadOnlyList<object> path) =>
        string.Concat(path.Select((s, i) => s is int ? "[]" : i == 0 ? (string)s : "." + s));

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateShape();

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthShape();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")]
    private static partial Regex CodeShape();
}
