using System.Reflection;
using System.Text.Json.Nodes;
using MassTransit;
using Programmes.Messaging.Catalogue;
using Xunit;

namespace Programmes.UnitTests.Messaging;

/// <summary>The event catalogue behind the AsyncAPI document is true to the code.</summary>
public sealed class EventCatalogueTests
{
    private static readonly Dictionary<string, string> ServiceOfAssembly = new()
    {
        ["Programmes.RequestIntake"] = EventCatalogue.Intake,
        ["Programmes.ProgrammePlanning"] = EventCatalogue.Planning,
        ["Programmes.PartnerCoordination"] = EventCatalogue.Coordination,
        ["Programmes.Funding"] = EventCatalogue.Funding,
    };

    [Fact]
    public void Every_event_of_the_contracts_is_catalogued()
    {
        var records = typeof(Programmes.Contracts.AssistanceRequestSubmitted).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "Programmes.Contracts" && t.GetMethod("<Clone>$") is not null).ToList();
        // A record that is a part of another (a concern of a clearance, an activity of a proposal) is not an event.
        var parts = records.SelectMany(r => r.GetProperties()).Select(p => p.PropertyType)
            .SelectMany(t => t.IsGenericType ? t.GetGenericArguments() : [t]).ToHashSet();
        var events = records.Where(r => !parts.Contains(r)).Select(r => r.Name).Order();
        Assert.Equal(events, EventCatalogue.All.Select(e => e.Type.Name).Order());
    }

    [Fact]
    public void Each_service_consumes_exactly_the_events_the_catalogue_lists()
    {
        var consumed = ServiceOfAssembly.Keys.Select(Assembly.Load)
            .SelectMany(assembly => assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false })
                .SelectMany(t => t.GetInterfaces())
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
                .Select(i => $"{ServiceOfAssembly[assembly.GetName().Name!]} consumes {i.GetGenericArguments()[0].Name}"))
            .Distinct().Order();
        var catalogued = EventCatalogue.All.SelectMany(e => e.Consumers.Select(c => $"{c} consumes {e.Type.Name}")).Order();
        Assert.Equal(catalogued, consumed);
    }

    [Fact]
    public void The_document_builds_and_every_reference_in_it_resolves()
    {
        var document = AsyncApiDocument.Build();
        var pointers = References(document).ToList();
        Assert.NotEmpty(pointers);
        var unresolved = pointers.Where(pointer => Resolve(document, pointer) is null).Distinct().ToList();
        Assert.True(unresolved.Count == 0, "unresolved: " + string.Join(", ", unresolved));
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()] : References(p.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };

    private static JsonNode? Resolve(JsonNode document, string pointer) =>
        pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .Aggregate((JsonNode?)document, (node, segment) => node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, out var i) && i < array.Count => array[i],
                _ => null,
            });
}
