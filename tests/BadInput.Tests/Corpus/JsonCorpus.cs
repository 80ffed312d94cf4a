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
