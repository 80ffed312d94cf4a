using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Programmes.ServiceDefaults.OpenApi;

/// <summary>
/// Declares every answer an operation can give besides its own: the problem+json answers every endpoint
/// shares (400 for a bad body or parameter, 401/403 from the token checks, 404 for an id, 409 for a state
/// conflict, 429 from the gateway's rate limits, 503 when a dependency is down) and the headers that go
/// with them (Retry-After, Location on 201, Idempotency-Key on idempotent POSTs).
/// </summary>
internal sealed class OperationConventions : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        await EnsureSchemaAsync(context, typeof(ProblemDetails), OpenApiConventions.ProblemSchema, cancellationToken);
        await EnsureSchemaAsync(context, typeof(HttpValidationProblemDetails), OpenApiConventions.ValidationProblemSchema, cancellationToken);

        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
        var method = context.Description.HttpMethod ?? "GET";
        var path = context.Description.RelativePath ?? "";
        var responses = operation.Responses ??= [];

        if (metadata.OfType<IdempotencyKeyHeader>().LastOrDefault() is { } idempotency)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKeyHeader.Name,
                In = ParameterLocation.Header,
                Required = idempotency.Required,
                Description = "A unique key per intended operation (a UUID, at most 255 characters). A retry with the same key and body "
                    + "gets the first answer again instead of a second resource; the same key with another body is refused with 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });
        }
        var hasInput = operation.RequestBody is not null || operation.Parameters is { Count: > 0 };
        if (hasInput)
        {
            Add(responses, "400", "The request is malformed or a field is invalid; `errors` names every invalid field.", OpenApiConventions.ValidationProblemSchema, document);
        }
        if (operation.RequestBody is not null)
        {
            Add(responses, "415", "The body is not in a media type this operation reads (application/json unless it says otherwise).", OpenApiConventions.ProblemSchema, document);
        }
        if (anonymous)
        {
            operation.Security = [];
        }
        else
        {
            var roles = EndpointRoles.Of(metadata);
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[EndpointRoles.Extension] = new JsonNodeExtension(new System.Text.Json.Nodes.JsonArray([.. roles.Select(r => (System.Text.Json.Nodes.JsonNode)r)]));
            Add(responses, "401", "No valid access token (missing, expired, revoked or not signed by the gateway).", OpenApiConventions.ProblemSchema, document);
            Add(responses, "403", roles.Count > 0
                ? $"The token's role is not one of {string.Join(", ", roles)} (x-roles; `requiredRoles` in the problem), or the caller may not act on this object (the party rule in the description)."
                : "The caller may not act on this object (the party rule in the description).", OpenApiConventions.ProblemSchema, document);
        }
        if (path.Contains('{', StringComparison.Ordinal))
        {
            Add(responses, "404", "The resource named in the path does not exist or is not visible to the caller.", OpenApiConventions.ProblemSchema, document);
        }
        if (!HttpMethods.IsGet(method))
        {
            Add(responses, "409", "The request conflicts with the resource's current state.", OpenApiConventions.ProblemSchema, document);
        }
        if (!anonymous)
        {
            var limited = Add(responses, "429", "The client's rate limit is spent; retry after Retry-After seconds.", OpenApiConventions.ProblemSchema, document);
            limited.Headers ??= new Dictionary<string, IOpenApiHeader>();
            limited.Headers["Retry-After"] = RetryAfter();
        }
        var unavailable = Add(responses, "503", "A service or dependency is unavailable; retry after Retry-After seconds.", OpenApiConventions.ProblemSchema, document);
        unavailable.Headers ??= new Dictionary<string, IOpenApiHeader>();
        unavailable.Headers["Retry-After"] = RetryAfter();

        if (responses.TryGetValue("201", out var created) && created is OpenApiResponse createdResponse)
        {
            createdResponse.Headers ??= new Dictionary<string, IOpenApiHeader>();
            createdResponse.Headers["Location"] = new OpenApiHeader
            {
                Description = "The URL of the created resource.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
        foreach (var (status, response) in responses)
        {
            if (response is OpenApiResponse own && (string.IsNullOrEmpty(own.Description) || own.Description == status))
            {
                own.Description = Describe(status);
            }
        }
    }

    private static async Task EnsureSchemaAsync(OpenApiOperationTransformerContext context, Type type, string name, CancellationToken cancellationToken)
    {
        if (context.Document!.Components?.Schemas?.ContainsKey(name) != true)
        {
            var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
            context.Document.AddComponent(name, schema);
        }
    }

    /// <summary>Adds a problem answer unless the endpoint declared its own for that status.</summary>
    private static OpenApiResponse Add(OpenApiResponses responses, string status, string description, string schema, OpenApiDocument document)
    {
        if (responses.TryGetValue(status, out var existing) && existing is OpenApiResponse own)
        {
            own.Description = description;
            return own;
        }
        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [OpenApiConventions.ProblemJson] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
        responses[status] = response;
        return response;
    }

    private static OpenApiHeader RetryAfter() => new()
    {
        Description = "Seconds to wait before retrying.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" },
    };

    private static string Describe(string status) => status switch
    {
        "200" => "OK",
        "201" => "Created",
        "202" => "Accepted",
        "204" => "No content",
        "422" => "The Idempotency-Key was used before with another body.",
        _ => status,
    };
}
