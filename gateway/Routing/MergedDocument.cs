using System.Text.Json.Nodes;
using Programmes.ServiceDefaults;
using Yarp.ReverseProxy;

namespace Programmes.Gateway.Routing;

/// <summary>
/// Partners see one API, so the gateway publishes one document: the four services' documents merged at
/// <c>/openapi/programmes.json</c>. Paths never collide (each service owns a prefix); a schema name two
/// services use for different shapes is prefixed with the service's name in the merged document.
/// </summary>
internal static class MergedDocument
{
    public const string Path = "/openapi/programmes.json";

    public static IEndpointRouteBuilder MapMergedDocument(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (IProxyStateLookup proxy, IHttpClientFactory clients, CancellationToken cancellationToken) =>
        {
            var documents = new List<(string Cluster, JsonObject Document)>();
            using var http = clients.CreateClient();
            http.Timeout = TimeSpan.FromSeconds(10);
            foreach (var route in RouteTable.Services)
            {
                var address = proxy.TryGetCluster(route.Cluster, out var cluster)
                    ? cluster.Destinations.Values.Select(d => d.Model.Config.Address).FirstOrDefault()
                    : null;
                JsonObject? document = null;
                try
                {
                    document = address is null ? null
                        : JsonNode.Parse(await http.GetStringAsync(new Uri(new Uri(address), "openapi/v1.json"), cancellationToken)) as JsonObject;
                }
                catch (HttpRequestException)
                {
                }
                if (document is null)
                {
                    return Unavailable(route.Title);
                }
                documents.Add((route.Cluster, document));
            }
            return Results.Text(Merge(documents).ToJsonString(), "application/json; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unavailable(string service) => TypedResults.Problem(
        title: "The service is unavailable. Retry later.",
        detail: $"The {service} service's document could not be read.",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        type: ProblemTypes.DependencyUnavailable);

    public static JsonObject Merge(IReadOnlyList<(string Cluster, JsonObject Document)> documents)
    {
        var first = documents[0].Document;
        var merged = new JsonObject
        {
            ["openapi"] = first["openapi"]?.DeepClone(),
            ["info"] = new JsonObject
            {
                ["title"] = "Programmes API",
                ["version"] = first["info"]?["version"]?.DeepClone() ?? "1.0",
                ["description"] = "Every public operation of the Programmes services, behind the gateway. See docs/api.md.",
                ["license"] = first["info"]?["license"]?.DeepClone(),
                ["contact"] = first["info"]?["contact"]?.DeepClone(),
            },
            ["servers"] = first["servers"]?.DeepClone(),
            ["security"] = first["security"]?.DeepClone(),
            ["tags"] = new JsonArray(),
            ["paths"] = new JsonObject(),
            ["components"] = new JsonObject(),
        };
        RemoveNulls(merged["info"]!.AsObject());
        var tags = merged["tags"]!.AsArray();
        var paths = merged["paths"]!.AsObject();
        var components = merged["components"]!.AsObject();
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (cluster, source) in documents)
        {
            var document = source.DeepClone().AsObject();
            Rename(document, components, cluster);
            foreach (var (name, section) in document["components"]?.AsObject() ?? [])
            {
                var target = components[name] as JsonObject ?? (JsonObject)(components[name] = new JsonObject());
                foreach (var (key, value) in section!.AsObject())
                {
                    target[key] ??= value!.DeepClone();
                }
            }
            foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
            {
                paths[path] = item!.DeepClone();
                UniqueOperationIds(paths[path]!.AsObject(), operationIds, cluster);
            }
            foreach (var tag in document["tags"]?.AsArray() ?? [])
            {
                if (!tags.Any(t => t?["name"]?.GetValue<string>() == tag?["name"]?.GetValue<string>()))
                {
                    tags.Add(tag!.DeepClone());
                }
            }
        }
        return merged;
    }

    /// <summary>Gives a component whose name is taken by a different one a name of its own, and points its references there.</summary>
    private static void Rename(JsonObject document, JsonObject merged, string cluster)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (section, entries) in document["components"]?.AsObject() ?? [])
        {
            if (merged[section] is not JsonObject existing || entries is not JsonObject own)
            {
                continue;
            }
            foreach (var name in own.Select(e => e.Key).ToList())
            {
                if (existing[name] is { } taken && !JsonNode.DeepEquals(taken, own[name]))
                {
                    var renamed = char.ToUpperInvariant(cluster[0]) + cluster[1..] + name;
                    renames[$"#/components/{section}/{name}"] = $"#/components/{section}/{renamed}";
                    var value = own[name]!.DeepClone();
                    own.Remove(name);
                    own[renamed] = value;
                }
            }
        }
        if (renames.Count > 0)
        {
            Rewrite(document, renames);
        }
    }

    private static void Rewrite(JsonNode? node, Dictionary<string, string> renames)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && renames.TryGetValue(reference.GetValue<string>(), out var target))
                {
                    obj["$ref"] = target;
                }
                foreach (var (_, child) in obj.ToList())
                {
                    Rewrite(child, renames);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rewrite(child, renames);
                }
                break;
        }
    }

    /// <summary>Two services may name an operation alike ("createReferral"): the later one is prefixed with its service.</summary>
    private static void UniqueOperationIds(JsonObject item, HashSet<string> taken, string cluster)
    {
        foreach (var (_, operation) in item)
        {
            if (operation is JsonObject op && op["operationId"] is JsonValue value)
            {
                var id = value.GetValue<string>();
                if (!taken.Add(id))
                {
                    id = cluster + char.ToUpperInvariant(id[0]) + id[1..];
                    taken.Add(id);
                    op["operationId"] = id;
                }
            }
        }
    }

    private static void RemoveNulls(JsonObject obj)
    {
        foreach (var key in obj.Where(e => e.Value is null).Select(e => e.Key).ToList())
        {
            obj.Remove(key);
        }
    }
}
