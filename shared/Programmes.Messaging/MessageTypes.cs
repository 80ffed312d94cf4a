using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Programmes.Messaging;

/// <summary>How outbox rows name and serialise their messages.</summary>
internal static class MessageTypes
{
    private static readonly ConcurrentDictionary<string, Type> Resolved = new(StringComparer.Ordinal);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string NameOf(Type type)
    {
        if (string.IsNullOrEmpty(type.Namespace))
        {
            throw new ArgumentException($"Message type {type.Name} must live in a namespace.", nameof(type));
        }
        return $"{type.FullName}, {type.Assembly.GetName().Name}";
    }

    public static Type Resolve(string name) => Resolved.GetOrAdd(name, static n =>
        Type.GetType(n, throwOnError: false) ?? throw new InvalidOperationException($"Unknown message type '{n}'."));
}
