using System.Text.Json;
using System.Text.Json.Serialization;

namespace Programmes.Messaging;

/// <summary>
/// How events are written on the wire, the same as the HTTP API writes them: enums by name. Reading still accepts
/// the numbers older messages carried. Applied to MassTransit's serializer by every bus and read by the AsyncAPI document.
/// </summary>
public static class WireFormat
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter());
        }
        return options;
    }
}
