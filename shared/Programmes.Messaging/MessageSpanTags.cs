using System.Collections.Concurrent;
using System.Reflection;
using Programmes.ServiceDefaults;

namespace Programmes.Messaging;

/// <summary>
/// Tags the consumer's span with the domain identifiers its message carries (request, programme, State), so
/// operations staff find every consumer of a request's journey by the same attributes as the HTTP spans.
/// Reads the contracts' conventional property names; other messages are tagged with their type only.
/// </summary>
internal static class MessageSpanTags
{
    private static readonly ConcurrentDictionary<Type, Action<object>> Taggers = new();

    public static void Tag(object message) => Taggers.GetOrAdd(message.GetType(), Build)(message);

    private static Action<object> Build(Type type)
    {
        var typeName = type.Name;
        var requestId = Property(type, "RequestId", typeof(Guid));
        var requestIds = Property(type, "RequestIds", typeof(IEnumerable<Guid>));
        var programmeId = Property(type, "ProgrammeId", typeof(Guid));
        var stateCode = Property(type, "StateCode", typeof(string));
        return message =>
        {
            Telemetry.Tag(Telemetry.Attributes.MessageType, typeName);
            if (requestId?.GetValue(message) is Guid id)
            {
                Telemetry.Tag(Telemetry.Attributes.RequestId, id);
            }
            if (requestIds?.GetValue(message) is IEnumerable<Guid> ids)
            {
                Telemetry.TagRequests(ids);
            }
            if (programmeId?.GetValue(message) is Guid programme)
            {
                Telemetry.Tag(Telemetry.Attributes.ProgrammeId, programme);
            }
            if (stateCode?.GetValue(message) is string state)
            {
                Telemetry.Tag(Telemetry.Attributes.StateCode, state);
            }
        };
    }

    private static PropertyInfo? Property(Type type, string name, Type assignableTo) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is { } property
        && assignableTo.IsAssignableFrom(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType)
            ? property
            : null;
}
