using System.ComponentModel;
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
        if (type.IsEnum)
        {
            DescribeEnum(schema, type);
        }
        if (context.JsonPropertyInfo is { } named && (named.AttributeProvider?.GetCustomAttributes(typeof(EnumOfAttribute), true).FirstOrDefault()
            ?? named.AssociatedParameter?.AttributeProvider?.GetCustomAttributes(typeof(EnumOfAttribute), true).FirstOrDefault()) is EnumOfAttribute of)
        {
            schema.Enum = Enum.GetNames(of.EnumType).Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(n)).ToList();
            DescribeEnum(schema, of.EnumType);
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

    /// <summary>An enum's meaning and each value's, from <see cref="DescriptionAttribute"/> on the type and its members.</summary>
    private static void DescribeEnum(OpenApiSchema schema, Type type)
    {
        schema.Description ??= type.GetCustomAttribute<DescriptionAttribute>()?.Description;
        var values = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => KeyValuePair.Create(f.Name, f.GetCustomAttribute<DescriptionAttribute>()?.Description))
            .Where(v => v.Value is not null)
            .Select(v => KeyValuePair.Create(v.Key, v.Value!))
            .ToList();
        if (values.Count > 0)
        {
            schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            schema.Extensions[ClosedSetConventions.EnumDescriptions] = new JsonNodeExtension(ClosedSetConventions.Descriptions(values));
        }
    }

    private static bool IsNullable(JsonPropertyInfo? property) => property?.AttributeProvider switch
    {
        PropertyInfo p => Nullability.Create(p).ReadState != NullabilityState.NotNull,
        FieldInfo f => Nullability.Create(f).ReadState != NullabilityState.NotNull,
        _ => false,
    };
}
