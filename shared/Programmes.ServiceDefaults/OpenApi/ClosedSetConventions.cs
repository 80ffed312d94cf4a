using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Programmes.ReferenceData;

namespace Programmes.ServiceDefaults.OpenApi;

/// <summary>
/// Publishes every closed set as an enum: the reference code lists (<see cref="CodeLists"/>) become component
/// schemas with a description per value, and each property, array item, map key and query parameter named in
/// <see cref="CodeLists.ByName"/> refers to its list. Enum components lose the <c>null</c> the generator adds
/// for nullable uses (a generated client would make a member of it); a nullable use stays nullable where it is.
/// </summary>
internal sealed class ClosedSetConventions : IOpenApiDocumentTransformer
{
    public const string EnumDescriptions = "x-enumDescriptions";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var used = new HashSet<CodeList>();
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            if (schema.Enum is { Count: > 0 } values)
            {
                schema.Enum = values.Where(v => v is not null).ToList();
                schema.Type ??= JsonSchemaType.String;
            }
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (CodeLists.ByName.TryGetValue(name, out var list) && property is OpenApiSchema own && Retarget(own, list, document) is { } typed)
                {
                    schema.Properties![name] = typed;
                    used.Add(list);
                }
            }
        }
        foreach (var parameter in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(o => o.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (CodeLists.ByName.TryGetValue(parameter.Name ?? "", out var list) && parameter.Schema is OpenApiSchema own && Retarget(own, list, document) is { } typed)
            {
                parameter.Schema = typed;
                used.Add(list);
            }
        }
        foreach (var list in used)
        {
            schemas[list.Schema] = Schema(list);
        }
        return Task.CompletedTask;
    }

    /// <summary>The enum schema of a code list, with each code's meaning.</summary>
    public static OpenApiSchema Schema(CodeList list) => new()
    {
        Type = JsonSchemaType.String,
        Description = list.Description,
        Enum = list.Values.Keys.Select(code => (JsonNode)JsonValue.Create(code)).ToList(),
        Extensions = new Dictionary<string, IOpenApiExtension>
        {
            [EnumDescriptions] = new JsonNodeExtension(Descriptions(list.Values)),
        },
    };

    public static JsonObject Descriptions(IEnumerable<KeyValuePair<string, string>> values)
    {
        var descriptions = new JsonObject();
        foreach (var (code, description) in values)
        {
            descriptions[code] = description;
        }
        return descriptions;
    }

    private static bool IsText(OpenApiSchema schema) => schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && schema.Enum is not { Count: > 0 };

    /// <summary>A string, an array of strings or a map keyed by code, typed with the list; a nullable value stays nullable.</summary>
    private static IOpenApiSchema? Retarget(OpenApiSchema property, CodeList list, OpenApiDocument document)
    {
        var reference = new OpenApiSchemaReference(list.Schema, document);
        if (!IsText(property) && !(property.Items is OpenApiSchema items && IsText(items)) && property.AdditionalProperties is null)
        {
            return null;
        }
        var nullable = property.Type is { } type && type.HasFlag(JsonSchemaType.Null);
        if (property.Type is { } array && array.HasFlag(JsonSchemaType.Array))
        {
            property.Items = reference;
            return property;
        }
        if (property.AdditionalProperties is not null)
        {
            property.PropertyNames = reference;
            return property;
        }
        if (!nullable)
        {
            return reference;
        }
        return new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference], Description = property.Description };
    }
}
