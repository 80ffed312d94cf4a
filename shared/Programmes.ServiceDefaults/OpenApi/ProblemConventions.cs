using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Programmes.ServiceDefaults.OpenApi;

/// <summary>
/// The problem schemas say what every problem body holds: a <c>type</c> from the documented catalogue
/// (<see cref="ProblemTypes.Catalogue"/>, one URI per meaning), the <c>traceId</c> every problem carries,
/// <c>currentState</c> and <c>action</c> on an illegal transition and <c>requiredRoles</c> on a 403.
/// </summary>
internal sealed class ProblemConventions : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas;
        foreach (var name in new[] { OpenApiConventions.ProblemSchema, OpenApiConventions.ValidationProblemSchema })
        {
            if (schemas?.TryGetValue(name, out var found) != true || found is not OpenApiSchema schema)
            {
                continue;
            }
            schema.Description = "An RFC 9457 problem: `type` says what went wrong (one URI per meaning, listed with it), `title` says it in words.";
            var properties = schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            properties["type"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = "uri",
                Description = "What went wrong, as a stable URI from the catalogue (clients may switch on it).",
                Enum = [.. ProblemTypes.Catalogue.Keys.Select(k => (JsonNode)JsonValue.Create(k))],
                Extensions = new Dictionary<string, IOpenApiExtension>
                {
                    [ClosedSetConventions.EnumDescriptions] = new JsonNodeExtension(ClosedSetConventions.Descriptions(ProblemTypes.Catalogue)),
                },
            };
            properties["title"] = Text("A short, human-readable summary of the problem type.");
            properties["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." };
            properties["detail"] = Text("What went wrong in this occurrence, when there is more to say than the title.", nullable: true);
            properties["instance"] = Text("The path of the request that failed.");
            properties["traceId"] = Text("The W3C trace id of the request: quote it when asking about a failure (it finds the trace and logs).");
            properties["currentState"] = Text("On an illegal transition (409): the state the resource is in.");
            properties["action"] = Text("On an illegal transition (409): the action the state does not allow.");
            properties["requiredRoles"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
                Description = "On a 403 for the wrong role: the roles that may call the operation.",
            };
            if (name == OpenApiConventions.ValidationProblemSchema && properties.TryGetValue("errors", out var errors) && errors is OpenApiSchema own)
            {
                own.Description = "Every invalid field (its JSON path, e.g. `activities[0].modality`) with what is wrong with it.";
            }
            schema.Required = new HashSet<string> { "type", "title", "status", "traceId" };
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string description, bool nullable = false) => new()
    {
        Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String,
        Description = description,
    };
}
