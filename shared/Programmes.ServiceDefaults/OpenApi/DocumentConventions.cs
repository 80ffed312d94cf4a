using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Programmes.ServiceDefaults.OpenApi;

/// <summary>
/// The document-wide parts: the title, the gateway's public URL as the only server, the OAuth 2.0
/// client-credentials scheme at the gateway's token endpoint, described tags, and a unique operationId and
/// a summary for every operation that did not name its own (<see cref="OperationNames"/>).
/// </summary>
internal sealed class DocumentConventions(string publicUrl, string title) : IOpenApiDocumentTransformer
{
    public const string SchemeName = "oauth2";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = $"Programmes API: {title}",
            Version = "1.0",
            Description = $"The {title.ToLowerInvariant()} operations of the Programmes system. Call them through the gateway with a bearer token "
                + $"from {publicUrl}/connect/token (OAuth 2.0 client credentials). Errors are RFC 9457 problem+json; amounts are JSON numbers "
                + "holding exact decimals (format: decimal) with the currency beside them. See docs/api.md.",
        };
        document.Servers = [new OpenApiServer { Url = publicUrl, Description = "The gateway" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "OAuth 2.0 client credentials: POST grant_type=client_credentials, client_id and client_secret to the gateway's /connect/token.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri($"{publicUrl}/connect/token"), Scopes = new Dictionary<string, string>() },
            },
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var names = OperationNames.For(method.Method, path);
                operation.Summary ??= names.Summary;
                var id = operation.OperationId ?? names.OperationId;
                for (var n = 2; !taken.Add(id); n++)
                {
                    id = (operation.OperationId ?? names.OperationId) + n;
                }
                operation.OperationId = id;
                if (operation.Tags is not { Count: > 0 })
                {
                    operation.Tags = new HashSet<OpenApiTagReference> { new(title, document) };
                }
            }
        }
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var name in document.Paths.Values.SelectMany(i => i.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).SelectMany(o => o.Tags ?? Enumerable.Empty<OpenApiTagReference>()).Select(t => t.Name).Distinct())
        {
            if (name is not null && !document.Tags.Any(t => t.Name == name))
            {
                document.Tags.Add(new OpenApiTag { Name = name });
            }
        }
        foreach (var tag in document.Tags)
        {
            tag.Description ??= $"{tag.Name}: operations of the {title.ToLowerInvariant()} service.";
        }
        return Task.CompletedTask;
    }
}
