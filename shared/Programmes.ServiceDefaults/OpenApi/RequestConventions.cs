using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Programmes.ServiceDefaults.OpenApi;

/// <summary>
/// Request bodies say what a client sends, not how C# holds it: request records take every field as nullable
/// (so that a missing field is a 400 naming it, not a binding failure), which the generator would publish as
/// <c>["null", "string"]</c>. In a schema only requests use, a field is its plain type: leave an optional
/// field out rather than send null (null is read as absent).
/// </summary>
internal sealed class RequestConventions : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return Task.CompletedTask;
        }
        var operations = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).ToList();
        var requests = Reachable(operations.SelectMany(o => o.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>()).Select(m => m.Schema), schemas);
        var responses = Reachable(operations.SelectMany(o => o.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            .SelectMany(r => r.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>()).Select(m => m.Schema), schemas);
        foreach (var name in requests.Except(responses))
        {
            if (schemas[name] is not OpenApiSchema schema)
            {
                continue;
            }
            foreach (var (field, property) in schema.Properties?.ToList() ?? [])
            {
                if (property is OpenApiSchema own && own.Type is { } type && type.HasFlag(JsonSchemaType.Null) && type != JsonSchemaType.Null)
                {
                    own.Type = type & ~JsonSchemaType.Null;
                }
                else if (property is OpenApiSchema { OneOf: { Count: 2 } variants } && variants.SingleOrDefault(v => v is OpenApiSchemaReference) is { } only
                    && variants.Any(v => v is OpenApiSchema { Type: JsonSchemaType.Null }))
                {
                    schema.Properties![field] = only;
                }
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The names of the component schemas reachable from <paramref name="roots"/>.</summary>
    internal static HashSet<string> Reachable(IEnumerable<IOpenApiSchema?> roots, IDictionary<string, IOpenApiSchema> schemas)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<IOpenApiSchema>(roots.OfType<IOpenApiSchema>());
        while (pending.TryPop(out var schema))
        {
            if (schema is OpenApiSchemaReference reference)
            {
                if (reference.Reference.Id is { } id && seen.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    pending.Push(target);
                }
                continue;
            }
            foreach (var child in Children(schema))
            {
                pending.Push(child);
            }
        }
        return seen;
    }

    private static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema) =>
        (schema.Properties?.Values ?? Enumerable.Empty<IOpenApiSchema>())
            .Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? [])
            .Concat(new[] { schema.Items, schema.AdditionalProperties }.OfType<IOpenApiSchema>());
}
