using System.Net;
using Programmes.Testing;
using Xunit;

namespace Programmes.ApiContract.Tests;

/// <summary>
/// The whole system in process, and every OpenAPI document the gateway publishes, fetched anonymously
/// as a partner would and written to <see cref="RepositoryPaths.Documents"/> for the linters.
/// </summary>
public sealed class PublishedDocuments : TestSystem
{
    public static readonly string[] Names = ["intake", "planning", "coordination", "funding", "gateway", "programmes"];

    public Dictionary<string, string> Files { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(RepositoryPaths.Documents);
        using var http = AnonymousClient();
        foreach (var name in Names)
        {
            var response = await http.GetAsync($"/openapi/{name}.json");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"/openapi/{name}.json: {(int)response.StatusCode} {body}");
            }
            var file = Path.Combine(RepositoryPaths.Documents, name + ".json");
            await File.WriteAllTextAsync(file, body);
            Files[name] = file;
        }
    }
}
