using System.Net;
using Programmes.Messaging.Catalogue;
using Xunit;

namespace Programmes.ApiContract.Tests;

/// <summary>
/// The AsyncAPI document of the integration events, as the gateway serves it: valid for @asyncapi/cli (pinned in
/// tools/package-lock.json), and named in docs/events.md. Its truth to the code (every event catalogued, each
/// service consuming what the catalogue says) is checked without Docker in Programmes.UnitTests.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AsyncApiTests(PublishedDocuments documents)
{
    [Fact]
    public async Task The_served_document_passes_the_asyncapi_validator()
    {
        using var http = documents.AnonymousClient();
        var response = await http.GetAsync(AsyncApiDocument.Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Directory.CreateDirectory(RepositoryPaths.Documents);
        var file = Path.Combine(RepositoryPaths.Documents, "asyncapi.json");
        await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());

        var outcome = await Linters.AsyncApiAsync(file);
        Assert.True(outcome.ExitCode == 0, $"asyncapi validate exited {outcome.ExitCode}:\n{outcome.Output}");
    }

    [Fact]
    public async Task The_event_map_in_the_docs_names_every_event()
    {
        var map = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "events.md"));
        var missing = EventCatalogue.All.Select(e => e.Type.Name).Where(name => !map.Contains($"`{name}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/events.md does not name: " + string.Join(", ", missing));
    }
}
