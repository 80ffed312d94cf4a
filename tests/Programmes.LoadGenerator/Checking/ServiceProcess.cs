using System.Globalization;
using Programmes.LoadGenerator.Targets;

namespace Programmes.LoadGenerator.Checking;

/// <summary>
/// A compose service's main process seen from the host: CPU time from <c>/proc/&lt;pid&gt;/stat</c> and bytes
/// allocated from its own <c>/metrics</c> (the runtime's allocation counter), so a load's CPU and allocation per
/// request can be computed whatever else the machine runs.
/// </summary>
public sealed class ServiceProcess(string pid, HttpClient http, Uri service)
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    public static async Task<ServiceProcess?> FindAsync(string composeService, HttpClient http, Uri service)
    {
        var name = (await Command.RunAsync("docker", "ps", "--filter", $"label=com.docker.compose.service={composeService}", "--format", "{{.Names}}"))?
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var pid = name is null ? null : (await Command.RunAsync("docker", "inspect", "-f", "{{.State.Pid}}", name))?.Trim();
        return pid is null or "0" ? null : new ServiceProcess(pid, http, service);
    }

    /// <summary>
    /// All compose services' main-process RSS in MB, by service name, with its two parts: anonymous memory (the GC
    /// heap, the runtime's and the JIT's own) and resident pages of mapped files (the runtime, the assemblies).
    /// </summary>
    public static async Task<Dictionary<string, (double Rss, double Anonymous, double Files)>> RssAsync(IEnumerable<string> composeServices)
    {
        var rss = new Dictionary<string, (double, double, double)>();
        foreach (var service in composeServices)
        {
            var name = (await Command.RunAsync("docker", "ps", "--filter", $"label=com.docker.compose.service={service}", "--format", "{{.Names}}"))?
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            var pid = name is null ? null : (await Command.RunAsync("docker", "inspect", "-f", "{{.State.Pid}}", name))?.Trim();
            var status = pid is null ? [] : File.ReadLines($"/proc/{pid}/status").ToList();
            double? Megabytes(string field) => status.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) is { } line
                ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0
                : null;
            if (Megabytes("VmRSS:") is { } total)
            {
                rss[service] = (total, Megabytes("RssAnon:") ?? double.NaN, Megabytes("RssFile:") ?? double.NaN);
            }
        }
        return rss;
    }

    public double CpuSeconds()
    {
        // The command name in brackets may hold spaces: count fields after the closing parenthesis.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
    }

    public async Task<double> AllocatedBytesAsync(CancellationToken cancellationToken)
    {
        var metrics = await http.GetStringAsync(new Uri(service, "/metrics"), cancellationToken);
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("dotnet_gc_heap_total_allocated_bytes_total", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
