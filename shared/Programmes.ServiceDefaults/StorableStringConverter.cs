using System.Text.Json;
using System.Text.Json.Serialization;

namespace Programmes.ServiceDefaults;

/// <summary>
/// Refuses a JSON string holding a NUL character: PostgreSQL cannot store one in text, so it would fail at
/// SaveChanges as a 500. Refused while binding, it is a 400 naming the field, like any other bad value.
/// </summary>
internal sealed class StorableStringConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Storable(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Storable(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Storable(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new JsonException($"Expected a string, found {reader.TokenType}.");
        }
        var value = reader.GetString()!;
        return value.Contains('\0', StringComparison.Ordinal) ? throw new JsonException("A string must not contain a NUL character.") : value;
    }
}
