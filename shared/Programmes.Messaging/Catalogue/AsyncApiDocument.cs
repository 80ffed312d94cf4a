using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using MassTransit.Serialization;
using Programmes.Contracts.Webhooks;

namespace Programmes.Messaging.Catalogue;

/// <summary>
/// The AsyncAPI 3.0 document of the integration events, built from <see cref="EventCatalogue"/> and the contract
/// types themselves: each payload schema is what MassTransit's serializer writes on the wire, inside its envelope.
/// It also describes the webhooks partners receive (<see cref="WebhookEvents"/>), as operations on their endpoints.
/// </summary>
public static partial class AsyncApiDocument
{
    public const string Path = "/asyncapi/programmes.json";

    private static readonly Lazy<string> Json = new(() => Build().ToJsonString(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));

    /// <summary>The document as served (built once: it depends only on the compiled contracts).</summary>
    public static string Text => Json.Value;

    public static JsonObject Build()
    {
        // A copy: the exporter locks the options it reads, and MassTransit's own must stay configurable.
        // The producers' records are nullable-annotated: a string that is not string? is never null on the wire.
        var wire = WireFormat.Configure(new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options) { RespectNullableAnnotations = true });
        var exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Described };
        var channels = new JsonObject();
        var operations = new JsonObject();
        var messages = new JsonObject();
        var schemas = new JsonObject { ["Envelope"] = Envelope() };
        foreach (var e in EventCatalogue.All)
        {
            var name = e.Type.Name;
            var exchange = $"{e.Type.Namespace}:{name}";
            schemas[name] = Rebased(JsonSchemaExporter.GetJsonSchemaAsNode(wire, e.Type, exporter), $"#/components/schemas/{name}");
            messages[name] = new JsonObject
            {
                ["name"] = name,
                ["title"] = name,
                ["summary"] = e.Summary,
                ["contentType"] = "application/vnd.masstransit+json",
                ["payload"] = new JsonObject
                {
                    ["allOf"] = new JsonArray(
                        Ref("#/components/schemas/Envelope"),
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["properties"] = new JsonObject
                            {
                                ["messageType"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["const"] = $"urn:message:{exchange}" } },
                                ["message"] = Ref($"#/components/schemas/{name}"),
                            },
                        }),
                },
            };
            channels[name] = new JsonObject
            {
                ["address"] = exchange,
                ["title"] = name,
                ["servers"] = new JsonArray(Ref("#/servers/rabbitmq")),
                ["description"] = $"The fanout exchange MassTransit publishes {name} to; each consuming service binds its own queue.",
                ["messages"] = new JsonObject { [name] = Ref($"#/components/messages/{name}") },
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject
                    {
                        ["is"] = "routingKey",
                        ["exchange"] = new JsonObject { ["name"] = exchange, ["type"] = "fanout", ["durable"] = true, ["autoDelete"] = false, ["vhost"] = "/" },
                        ["bindingVersion"] = "0.3.0",
                    },
                },
            };
            operations[$"{OperationName(e.Producer)}Publishes{name}"] = Operation("send", e.Producer, name,
                $"{e.Producer} publishes {name} through its transactional outbox, at least once.");
            foreach (var consumer in e.Consumers)
            {
                operations[$"{OperationName(consumer)}Consumes{name}"] = Operation("receive", consumer, name,
                    $"{consumer} consumes {name} through its inbox: the effect is applied once per message id.");
            }
        }

        foreach (var webhook in WebhookEvents.All)
        {
            AddWebhook(webhook, exporter, channels, operations, messages, schemas);
        }

        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Programmes integration events",
                ["version"] = "1.0.0",
                ["description"] = "The facts the four services publish to each other over RabbitMQ (MassTransit 8). Each event is "
                    + "published from its producer's transactional outbox and consumed through each consumer's inbox. Partners "
                    + "receive a smaller set as signed webhooks instead (see the partner-coordination API).",
                ["tags"] = new JsonArray(Tag(EventCatalogue.Intake), Tag(EventCatalogue.Planning), Tag(EventCatalogue.Coordination), Tag(EventCatalogue.Funding)),
            },
            ["defaultContentType"] = "application/vnd.masstransit+json",
            ["servers"] = new JsonObject
            {
                ["rabbitmq"] = new JsonObject
                {
                    ["host"] = "rabbitmq:5672",
                    ["protocol"] = "amqp",
                    ["protocolVersion"] = "0.9.1",
                    ["description"] = "The deployment's broker (the rabbitmq service in deploy/compose.yaml); reachable only inside the deployment.",
                },
                ["partnerEndpoint"] = new JsonObject
                {
                    ["host"] = "{endpointHost}",
                    ["protocol"] = "https",
                    ["description"] = "A webhook endpoint a partner entity registered (POST /api/coordination/webhook-endpoints); partner coordination POSTs each event it subscribed to there.",
                    ["variables"] = new JsonObject { ["endpointHost"] = new JsonObject { ["description"] = "The host of the partner's registered URL." } },
                },
            },
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject { ["messages"] = messages, ["schemas"] = schemas },
        };
    }

    private static JsonObject Operation(string action, string service, string eventName, string summary) => new()
    {
        ["action"] = action,
        ["channel"] = Ref($"#/channels/{eventName}"),
        ["summary"] = summary,
        ["tags"] = new JsonArray(new JsonObject { ["name"] = service }),
        ["messages"] = new JsonArray(Ref($"#/channels/{eventName}/messages/{eventName}")),
    };

    private static JsonObject Tag(string service) => new() { ["name"] = service };

    private static JsonObject Ref(string pointer) => new() { ["$ref"] = pointer };

    private static string OperationName(string service) =>
        string.Concat(service.Split('-').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>
    /// Enums travel by name (<see cref="WireFormat"/>), each value described; amounts are exact decimals, typed as in
    /// the OpenAPI documents (a JSON number, format decimal). Null values are left out of the message
    /// (WhenWritingNull), so a nullable property is never required.
    /// </summary>
    private static JsonNode Described(JsonSchemaExporterContext context, JsonNode schema)
    {
        var nullable = Nullable.GetUnderlyingType(context.TypeInfo.Type) is not null;
        var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
        if (type.IsEnum && schema is JsonObject enumeration)
        {
            enumeration["type"] = nullable ? new JsonArray("string", "null") : "string";
            enumeration["enum"] = new JsonArray([.. Enum.GetNames(type).Select(n => JsonValue.Create(n)), .. nullable ? new JsonNode?[] { null } : []]);
            var descriptions = new JsonObject();
            foreach (var field in type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            {
                descriptions[field.Name] = field.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), false)
                    .OfType<System.ComponentModel.DescriptionAttribute>().FirstOrDefault()?.Description ?? field.Name;
            }
            enumeration["x-enumDescriptions"] = descriptions;
        }
        if (type == typeof(decimal))
        {
            return new JsonObject
            {
                ["type"] = nullable ? new JsonArray("number", "null") : "number",
                ["format"] = "decimal",
                ["description"] = "An exact decimal amount (never a binary double), in the currency named beside it (USD where the name ends in Usd).",
            };
        }
        if (schema is JsonObject { } obj && obj["properties"] is JsonObject properties && obj["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()).ToList())
            {
                if (properties[name] is JsonObject { } property && property["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
                {
                    required.Remove(required.First(r => r!.GetValue<string>() == name));
                }
            }
        }
        return schema;
    }

    /// <summary>The exporter's references are relative to the schema's own root; in the document they point below it.</summary>
    private static JsonNode Rebased(JsonNode schema, string root)
    {
        switch (schema)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is { } pointer && pointer.StartsWith('#'))
                {
                    obj["$ref"] = root + pointer[1..];
                }
                foreach (var (_, child) in obj.ToList())
                {
                    if (child is not null)
                    {
                        Rebased(child, root);
                    }
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Rebased(child, root);
                    }
                }
                break;
        }
        return schema;
    }

    /// <summary>MassTransit's envelope around every message (its JSON serializer, application/vnd.masstransit+json).</summary>
    private static JsonObject Envelope() => new()
    {
        ["type"] = "object",
        ["description"] = "MassTransit's envelope; the event itself is in message.",
        ["required"] = new JsonArray("messageId", "messageType", "message"),
        ["properties"] = new JsonObject
        {
            ["messageId"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "The outbox row's id: consumers deduplicate on it." },
            ["conversationId"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
            ["sourceAddress"] = new JsonObject { ["type"] = "string" },
            ["destinationAddress"] = new JsonObject { ["type"] = "string" },
            ["messageType"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            ["message"] = new JsonObject { ["type"] = "object" },
            ["sentTime"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["headers"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Includes Programmes-Producer (the publishing service: the audit names it as the actor of what the event changes) and Programmes-Aggregate-Id (events of one aggregate are published in order).",
                ["additionalProperties"] = true,
            },
        },
    };
}
