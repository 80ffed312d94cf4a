using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace Programmes.ServiceDefaults.OpenApi;

/// <summary>
/// What each operation does, who may call it (role and party rule), the state it needs, what it changes and the
/// events it causes: one catalogue per service keyed by operationId, kept apart from the handlers.
/// </summary>
public sealed class OperationDocs
{
    public Dictionary<string, string> Descriptions { get; } = new(StringComparer.Ordinal);
}

public static class OperationDocsExtensions
{
    /// <summary>Adds a service's operation descriptions to its OpenAPI document.</summary>
    public static IHostApplicationBuilder AddOperationDocs(this IHostApplicationBuilder builder, IReadOnlyDictionary<string, string> descriptions)
    {
        builder.Services.Configure<OperationDocs>(docs =>
        {
            foreach (var (id, text) in descriptions)
            {
                docs.Descriptions[id] = text;
            }
        });
        return builder;
    }
}

/// <summary>Puts each operation's description first, before what the conventions add (its audit action).</summary>
internal sealed class OperationDocsConventions : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var docs = context.ApplicationServices.GetService<Microsoft.Extensions.Options.IOptions<OperationDocs>>()?.Value;
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            if (docs is not null && operation.OperationId is { } id && docs.Descriptions.TryGetValue(id, out var text))
            {
                operation.Description = string.IsNullOrEmpty(operation.Description) ? text : text + "\n\n" + operation.Description;
            }
        }
        return Task.CompletedTask;
    }
}
