using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Programmes.ServiceDefaults.OpenApi;

/// <summary>
/// Declares the paging parameters of every list as what they are: whole numbers with their range and
/// default. Handlers bind them as strings (see <see cref="Paging"/>) so that a bad value is a 400 naming it,
/// which would otherwise leak into the document as <c>type: string</c>.
/// </summary>
internal sealed class PagingConventions : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In != ParameterLocation.Query)
            {
                continue;
            }
            if (parameter.Name == Paging.PageParameter)
            {
                parameter.Description = "The page to read, from 1. A page past the end is empty.";
                parameter.Schema = Integer(Paging.MaxPage, 1);
            }
            else if (parameter.Name == Paging.PageSizeParameter)
            {
                parameter.Description = $"Items per page, 1 to {Paging.MaxPageSize}.";
                parameter.Schema = Integer(Paging.MaxPageSize, Paging.DefaultPageSize);
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Integer(int max, int fallback) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = "1",
        Maximum = max.ToString(CultureInfo.InvariantCulture),
        Default = System.Text.Json.Nodes.JsonValue.Create(fallback),
    };
}
