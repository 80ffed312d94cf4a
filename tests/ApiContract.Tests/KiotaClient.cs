using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Programmes.ApiClient;
using Programmes.Gateway.Clients;
using Programmes.Testing;

namespace Programmes.ApiContract.Tests;

/// <summary>Generates the Kiota client from a document, and builds a generated client that calls the test gateway as one demo client.</summary>
internal static class KiotaClient
{
    public static string CheckedIn => Path.Combine(RepositoryPaths.Root, "tests", "Programmes.ApiClient", "Generated");

    /// <summary>Runs the Kiota tool pinned in dotnet-tools.json (restored first) on <paramref name="document"/>.</summary>
    public static async Task GenerateAsync(string document, string output)
    {
        var restore = await ProcessRunner.RunAsync("dotnet", ["tool", "restore"], RepositoryPaths.Root, TimeSpan.FromMinutes(10));
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet tool restore exited {restore.ExitCode}:\n{restore.Output}");
        }
        var generate = await ProcessRunner.RunAsync("dotnet",
            ["kiota", "generate", "--language", "CSharp", "--openapi", document, "--output", output, "--class-name", "ProgrammesClient",
                "--namespace-name", "Programmes.ApiClient", "--exclude-backward-compatible", "--clean-output", "--log-level", "Error"],
            RepositoryPaths.Root, TimeSpan.FromMinutes(5), new Dictionary<string, string> { ["KIOTA_TUTORIAL_ENABLED"] = "false" });
        if (generate.ExitCode != 0)
        {
            throw new InvalidOperationException($"kiota generate exited {generate.ExitCode}:\n{generate.Output}");
        }
    }

    /// <summary>The generated files by relative path; Kiota's lock file is left out (it records where the document was read from).</summary>
    public static Dictionary<string, string> Files(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Where(f => Path.GetFileName(f) != "kiota-lock.json")
        .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => File.ReadAllText(f).ReplaceLineEndings("\n"));

    public static async Task<ProgrammesClient> ForAsync(TestSystem system, DemoClient client)
    {
        var http = await system.ClientAsync(client);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = system.GatewayUrl.ToString().TrimEnd('/'),
        };
        return new ProgrammesClient(adapter);
    }
}
