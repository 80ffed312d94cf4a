using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Programmes.Contracts.Webhooks;

namespace Programmes.Messaging.Catalogue;

public static partial class AsyncApiDocument
{
    /// <summary>A webhook partners receive: the Standard Webhooks body around its data record, and the signature headers.</summary>
    private static void AddWebhook(WebhookEvent webhook, JsonSchemaExporterOptions exporter,
        JsonObject channels, JsonObject operations, JsonObject messages, JsonObject schemas)
    {
        var name = "Webhook" + string.Concat(webhook.Type.Split('.', '-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
        // Webhook bodies are written with the web defaults (WebhookFanOut), not MassTransit's options.
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true, TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        schemas[webhook.Data.Name] ??= Rebased(JsonSchemaExporter.GetJsonSchemaAsNode(web, webhook.Data, exporter), $"#/components/schemas/{webhook.Data.Name}");
        messages[name] = new JsonObject
        {
            ["name"] = webhook.Type,
            ["title"] = webhook.Type,
            ["summary"] = webhook.Summary,
            ["contentType"] = "application/json",
            ["headers"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("webhook-id", "webhook-timestamp", "webhook-signature"),
                ["properties"] = new JsonObject
                {
                    ["webhook-id"] = new JsonObject { ["type"] = "string", ["description"] = "The delivery's id: the same on every retry, so the partner can deduplicate." },
                    ["webhook-timestamp"] = new JsonObject { ["type"] = "string", ["description"] = "Unix seconds when this attempt was signed." },
                    ["webhook-signature"] = new JsonObject { ["type"] = "string", ["description"] = "v1,<base64 HMAC-SHA256 of id.timestamp.body> with the endpoint's secret; several during a secret rotation." },
                },
            },
            ["payload"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("type", "timestamp", "data"),
                ["properties"] = new JsonObject
                {
                    ["type"] = new JsonObject { ["type"] = "string", ["const"] = webhook.Type },
                    ["timestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                    ["data"] = Ref($"#/components/schemas/{webhook.Data.Name}"),
                },
            },
        };
        channels[name] = new JsonObject
        {
            ["address"] = null,
            ["title"] = webhook.Type,
            ["description"] = $"The partner's registered endpoint, for the {webhook.Type} webhooks it subscribed to.",
            ["servers"] = new JsonArray(Ref("#/servers/partnerEndpoint")),
            ["messages"] = new JsonObject { [name] = Ref($"#/components/messages/{name}") },
        };
        var send = Operation("send", EventCatalogue.Coordination, name,
            $"partner-coordination POSTs {webhook.Type} to each subscribed endpoint, retried until a 2xx or the endpoint is disabled.");
        send["bindings"] = new JsonObject { ["http"] = new JsonObject { ["method"] = "POST", ["bindingVersion"] = "0.3.0" } };
        operations[$"partnerCoordinationSends{name}"] = send;
    }
}
