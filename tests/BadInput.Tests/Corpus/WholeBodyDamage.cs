using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Programmes.BadInput.Tests.Corpus;

/// <summary>Damage to the body as a whole rather than to one field: truncation, invalid UTF-8, nesting, wrong media types, duplicates.</summary>
public static partial class JsonCorpus
{
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
}
