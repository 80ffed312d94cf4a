using System.Text.Json.Nodes;
using Programmes.ReferenceData;
using Xunit;

namespace Programmes.ApiContract.Tests;

/// <summary>
/// What a partner's developer needs from the published documents alone: what each operation does and who may call
/// it, every allowed value of a closed set with its meaning, and what a problem body holds.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentsTeachTests(PublishedDocuments documents)
{
    /// <summary>Property names that hold a value of a closed set wherever they appear.</summary>
    private static readonly HashSet<string> ClosedNames = new(StringComparer.Ordinal)
    {
        "status", "origin", "step", "source", "conversion", "earmarking", "outcome", "decision", "scope",
    };

    public static TheoryData<string> Names => new(["programmes", "gateway"]);

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_operation_says_what_it_does_and_who_may_call_it(string name)
    {
        var missing = Operations(Document(name))
            .Where(o => o.Operation["description"]?.GetValue<string>() is not { Length: > 40 }
                || (o.Operation["x-roles"] is not JsonArray { Count: > 0 } && o.Operation["security"] is not JsonArray { Count: 0 }))
            .Select(o => o.Name).ToList();
        Assert.True(missing.Count == 0, "Without a description or x-roles: " + string.Join(", ", missing));
    }

    /// <summary>The services' merged document (the gateway's operator tools still report health and dead-letter states as text).</summary>
    [Fact]
    public void Every_closed_set_is_an_enum_with_a_meaning_per_value()
    {
        var document = Document("programmes");
        var schemas = document["components"]!["schemas"]!.AsObject();
        var problems = new List<string>();
        foreach (var (schemaName, schema) in schemas.Where(s => s.Key is not ("ProblemDetails" or "HttpValidationProblemDetails")))
        {
            if (schema!["enum"] is JsonArray values)
            {
                var described = schema["x-enumDescriptions"] as JsonObject;
                problems.AddRange(values.Where(v => v is null || described?[v.GetValue<string>()] is null).Select(v => $"{schemaName}: {v} has no description"));
            }
            foreach (var (property, value) in schema["properties"]?.AsObject() ?? [])
            {
                var expected = CodeLists.ByName.TryGetValue(property, out var list) ? list.Schema : null;
                if (expected is not null && IsText(value!) && !Refers(value!, expected))
                {
                    problems.Add($"{schemaName}.{property} is not typed with {expected}");
                }
                if (ClosedNames.Contains(property) && !IsEnum(value!, schemas))
                {
                    problems.Add($"{schemaName}.{property} is not an enum");
                }
            }
        }
        foreach (var (operationName, operation) in Operations(document))
        {
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                var parameterName = parameter!["name"]!.GetValue<string>();
                if (CodeLists.ByName.TryGetValue(parameterName, out var list) && !Refers(parameter["schema"]!, list.Schema))
                {
                    problems.Add($"{operationName} parameter {parameterName} is not typed with {list.Schema}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_problem_names_its_type_from_the_catalogue_and_its_trace()
    {
        var problem = Document("programmes")["components"]!["schemas"]!["ProblemDetails"]!;
        var properties = problem["properties"]!.AsObject();
        Assert.All(["traceId", "currentState", "action", "requiredRoles"], p => Assert.True(properties.ContainsKey(p), p));
        var types = properties["type"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Contains("https://programmes.unodc.org/problems/illegal-transition", types);
        Assert.All(types, t => Assert.NotNull(properties["type"]!["x-enumDescriptions"]![t]));
    }

    private JsonNode Document(string name) => JsonNode.Parse(File.ReadAllText(documents.Files[name]))!;

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(m => m.Key is "get" or "post" or "put" or "delete" or "patch")
            .Select(m => ($"{m.Key.ToUpperInvariant()} {path.Key}", m.Value!)));

    /// <summary>The schema, its items, its map keys or its non-null alternative refers to the component.</summary>
    private static bool Refers(JsonNode schema, string component)
    {
        var target = $"#/components/schemas/{component}";
        return schema["$ref"]?.GetValue<string>() == target
            || (schema["items"] is { } items && Refers(items, component))
            || (schema["propertyNames"] is { } keys && Refers(keys, component))
            || (schema["oneOf"] is JsonArray variants && variants.Any(v => v is not null && Refers(v, component)));
    }

    /// <summary>A value that is text, or a list or map of text (not a list of objects that happens to share the name).</summary>
    private static bool IsText(JsonNode schema) =>
        schema["items"]?["$ref"]?.GetValue<string>() is not { } items || CodeLists.All.Any(l => items.EndsWith("/" + l.Schema, StringComparison.Ordinal));

    private static bool IsEnum(JsonNode schema, JsonObject schemas)
    {
        if (schema["enum"] is JsonArray)
        {
            return true;
        }
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return schemas[reference.Split('/')[^1]]?["enum"] is JsonArray;
        }
        return schema["oneOf"] is JsonArray variants && variants.Any(v => v is not null && v["type"]?.ToString() != "null" && IsEnum(v, schemas))
            || (schema["items"] is { } items && IsEnum(items, schemas));
    }
}
