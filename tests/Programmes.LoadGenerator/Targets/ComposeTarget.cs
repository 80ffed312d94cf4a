using System.Globalization;

namespace Programmes.LoadGenerator.Targets;

/// <summary>The system deploy/up.sh started (compose project "programmes"), or any gateway given by URL.</summary>
public sealed class ComposeTarget(LoadOptions options) : Target(options.Gateways.Count > 0 ? options.Gateways : [new Uri("http://localhost:5080/")])
{
    public override (string ClientId, string Secret) Administrator => ("demo-staff", "demo-staff-secret");

    public override string? PlanningDb { get; } =
        options.PlanningDb ?? "Host=localhost;Port=5433;Database=planning;Username=programmes;Password=programmes";

    public override string FundingDb { get; } =
        new Npgsql.NpgsqlConnectionStringBuilder(options.PlanningDb ?? "Host=localhost;Port=5433;Username=programmes;Password=programmes") { Database = "funding" }.ConnectionString;

    public override Uri FundingService { get; } = options.FundingUrl;

    public override Uri PlanningService { get; } = options.ServiceUrl ?? new Uri("http://localhost:5102/");

    public override bool RateLimited => true;

    public override async Task PrintMemoryAsync()
    {
        var containers = await Command.RunAsync("docker", "ps", "--filter", "label=com.docker.compose.project", "--format", "{{.Names}}");
        if (containers is null)
        {
            Console.WriteLine("memory: docker is not reachable; no figures");
            return;
        }
        Console.WriteLine("== memory at the end (VmRSS of the container's main process; docker's cgroup figure in brackets)");
        foreach (var name in containers.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
        {
            var pid = (await Command.RunAsync("docker", "inspect", "-f", "{{.State.Pid}}", name))?.Trim();
            var rss = pid is null ? null : ReadRss(pid);
            var cgroup = (await Command.RunAsync("docker", "stats", "--no-stream", "--format", "{{.MemUsage}}", name))?.Trim();
            Console.WriteLine($"  {name,-36} RSS {(rss is { } kb ? $"{kb / 1024.0:F0} MB" : "n/a"),-8} [{cgroup}]");
        }
    }

    private static long? ReadRss(string pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
