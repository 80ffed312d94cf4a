using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Programmes.ServiceDefaults.OpenApi;

/// <summary>
/// Corrects what the schema generator cannot see: strings read by our own converter (it would leave them
/// untyped, <c>{}</c>), arrays of them (no <c>items</c>), amounts (exact decimals, not doubles) and request
/// fields the validator lets a client leave out (<see cref="NotRequiredAttribute"/>).
/// </summary>
internal sealed class SchemaConventions : IOpenApiSchemaTransformer
{
    private static readonly NullabilityInfoContext Nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var info = context.JsonTypeInfo;
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (type == typeof(string) && schema.Type is null && schema.Enum is not { Count: > 0 })
        {
            schema.Type = IsNullable(context.JsonPropertyInfo) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }
        if (type == typeof(decimal))
        {
            // Amounts travel as JSON numbers and are exact decimals (never binary floating point): see docs/api.md.
            schema.Format = "decimal";
        }
        if (info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType == typeof(string) && schema.Items is null)
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }
        if (info.Kind == JsonTypeInfoKind.Dictionary && info.ElementType is { } values && values != typeof(string)
            && typeof(IEnumerable<string>).IsAssignableFrom(values) && schema.AdditionalProperties is OpenApiSchema additional && additional.Items is null)
        {
            additional.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }
        if (info.Kind == JsonTypeInfoKind.Object && schema.Required is { Count: > 0 } required)
        {
            foreach (var property in info.Properties)
            {
                if (property.AttributeProvider?.IsDefined(typeof(NotRequiredAttribute), inherit: true) == true
                    || property.AssociatedParameter?.AttributeProvider?.IsDefined(typeof(NotRequiredAttribute), inherit: true) == true)
                {
                    required.Remove(property.Name);
                }
            }
        }
        return Task.CompletedTask;
    }

    private static bool IsNullable(JsonPropertyInfo? property) => property?.AttributeProvider switch
    {
        PropertyInfo p => Nullability.Create(p).ReadState != NullabilityState.NotNull,
        FieldInfo f => Nullability.Create(f).ReadState != NullabilityState.NotNull,
        _ => false,
    };
}
