using Xunit;

namespace Programmes.ApiContract.Tests;

/// <summary>
/// The checked-in Kiota client (tests/Programmes.ApiClient/Generated) is what Kiota generates from today's merged
/// document. After an API change run this test with PROGRAMMES_UPDATE_API_CLIENT=1 to regenerate it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GeneratedClientTests(PublishedDocuments documents)
{
    [Fact]
    public async Task The_checked_in_client_is_generated_from_the_published_document()
    {
        var output = Path.Combine(Path.GetTempPath(), $"programmes-kiota-{Guid.NewGuid():N}");
        try
        {
            await KiotaClient.GenerateAsync(documents.Files["programmes"], output);
            var fresh = KiotaClient.Files(output);
            if (Environment.GetEnvironmentVariable("PROGRAMMES_UPDATE_API_CLIENT") == "1")
            {
                if (Directory.Exists(KiotaClient.CheckedIn))
                {
                    Directory.Delete(KiotaClient.CheckedIn, recursive: true);
                }
                foreach (var (file, text) in fresh)
                {
                    var target = Path.Combine(KiotaClient.CheckedIn, file);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await File.WriteAllTextAsync(target, text);
                }
                return;
            }
            var current = Directory.Exists(KiotaClient.CheckedIn) ? KiotaClient.Files(KiotaClient.CheckedIn) : [];
            var missing = fresh.Keys.Except(current.Keys).ToList();
            var extra = current.Keys.Except(fresh.Keys).ToList();
            var changed = fresh.Keys.Intersect(current.Keys).Where(f => fresh[f] != current[f]).ToList();
            Assert.True(missing.Count + extra.Count + changed.Count == 0,
                "tests/Programmes.ApiClient/Generated is out of date; regenerate it with PROGRAMMES_UPDATE_API_CLIENT=1 dotnet test tests/ApiContract.Tests "
                + $"--filter GeneratedClientTests. Missing: {string.Join(", ", missing.Take(10))}; extra: {string.Join(", ", extra.Take(10))}; "
                + $"changed: {string.Join(", ", changed.Take(10))}.");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
