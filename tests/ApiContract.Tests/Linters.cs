namespace Programmes.ApiContract.Tests;

/// <summary>The npm linters and validators, installed once per test process by tools/ensure-tools.sh (node via apt if missing, then npm ci).</summary>
internal static class Linters
{
    private static readonly Lazy<Task> Installed = new(InstallAsync);
    private static readonly Dictionary<string, string> Quiet = new()
    {
        ["REDOCLY_TELEMETRY"] = "off",
        ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
        ["NO_UPDATE_NOTIFIER"] = "1",
    };

    public static async Task<ProcessRunner.Outcome> RedoclyAsync(string document)
    {
        await Installed.Value;
        return await ProcessRunner.RunAsync(Bin("redocly"),
            ["lint", document, "--config", Path.Combine(RepositoryPaths.Tools, "redocly.yaml"), "--format", "stylish"],
            RepositoryPaths.Tools, TimeSpan.FromMinutes(3), Quiet);
    }

    public static async Task<ProcessRunner.Outcome> SpectralAsync(string document)
    {
        await Installed.Value;
        return await ProcessRunner.RunAsync(Bin("spectral"),
            ["lint", document, "--ruleset", Path.Combine(RepositoryPaths.Tools, ".spectral.yaml"), "--fail-severity", "error", "--format", "text"],
            RepositoryPaths.Tools, TimeSpan.FromMinutes(3), Quiet);
    }

    public static async Task<ProcessRunner.Outcome> AsyncApiAsync(string document)
    {
        await Installed.Value;
        // CI=true: the CLI sends no usage metrics (it would try the network on every run).
        return await ProcessRunner.RunAsync(Bin("asyncapi"),
            ["validate", document, "--fail-severity", "error", "--diagnostics-format", "stylish"],
            RepositoryPaths.Tools, TimeSpan.FromMinutes(3), new Dictionary<string, string>(Quiet) { ["CI"] = "true" });
    }

    public static string Bin(string tool) => Path.Combine(RepositoryPaths.Tools, "node_modules", ".bin", tool);

    private static async Task InstallAsync()
    {
        var outcome = await ProcessRunner.RunAsync("bash", [Path.Combine(RepositoryPaths.Tools, "ensure-tools.sh")],
            RepositoryPaths.Tools, TimeSpan.FromMinutes(15));
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"tools/ensure-tools.sh exited {outcome.ExitCode}:\n{outcome.Output}");
        }
    }
}
