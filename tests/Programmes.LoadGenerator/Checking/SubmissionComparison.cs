using System.Globalization;
using Programmes.LoadGenerator.Recording;
using Programmes.LoadGenerator.Scenarios;
using Programmes.LoadGenerator.Targets;

namespace Programmes.LoadGenerator.Checking;

/// <summary>
/// The floor and the system under the same submission load, one after the other in one run: rate, latency, machine
/// CPU per submission from the first call until the pipeline drained (this generator excluded), statements and
/// transactions per submission in each database, and for the system each process's CPU and allocation.
/// </summary>
internal sealed class SubmissionComparison(Target target, LoadClients clients,
    Func<string, LoadOptions, CancellationToken, Task<LoadResult>> load)
{
    private static readonly (string Service, int Port)[] Processes =
        [("gateway", 5080), ("request-intake", 5101), ("programme-planning", 5102), ("partner-coordination", 5103), ("funding", 5104)];

    private readonly string _server = new Npgsql.NpgsqlConnectionStringBuilder(target.PlanningDb) { Database = "postgres" }.ConnectionString;

    public async Task<(Phase Floor, Phase System)> RunAsync(string title, LoadOptions run, CancellationToken cancellationToken)
    {
        Console.WriteLine($"### {title}: the floor");
        Phase floor;
        await using (var process = await FloorProcess.StartAsync(target.Gateways[0], _server, 5190, target.Http, cancellationToken))
        {
            floor = await MeasureAsync("floor", run, [], async () =>
            {
                var recorder = new Recorder();
                var scenario = new FloorScenario(clients, recorder, process.Url, target.Http, run.Settle);
                await scenario.PrepareAsync(cancellationToken);
                var elapsed = await Driving.Driver.RunAsync(scenario, recorder, run, cancellationToken);
                recorder.Print($"floor, {Mode(run)}", elapsed);
                await scenario.ReportAsync(cancellationToken);
                return (recorder.Operations.GetValueOrDefault(scenario.Operation), elapsed, scenario.Latency);
            }, cancellationToken);
        }
        Console.WriteLine($"### {title}: the system (via the gateway)");
        var processes = new List<(string, ServiceProcess)>();
        foreach (var (service, port) in Processes)
        {
            if (await ServiceProcess.FindAsync(service, target.Http, new Uri($"http://127.0.0.1:{port}/")) is { } found)
            {
                processes.Add((service, found));
            }
        }
        var system = await MeasureAsync("system", run, processes, async () =>
        {
            var result = await load("submit", run, cancellationToken);
            return (result.Operation, result.Elapsed, result.Consistency.Result is { } r ? (r.P50, r.P99) : ((double, double)?)null);
        }, cancellationToken);
        Print(title, floor, system);
        return (floor, system);
    }

    private async Task<Phase> MeasureAsync(string name, LoadOptions run, List<(string Name, ServiceProcess Process)> processes,
        Func<Task<(Recorder.Operation? Operation, TimeSpan Elapsed, (double P50, double P99)? Latency)>> phase, CancellationToken cancellationToken)
    {
        var statements = new DatabaseStatements(_server);
        await statements.ResetAsync(cancellationToken);
        var before = await SampleAsync(processes, cancellationToken);
        var machine = MachineCpu.BusySecondsExceptSelf();
        var (operation, elapsed, latency) = await phase();
        var cpu = MachineCpu.BusySecondsExceptSelf() - machine;
        var after = await SampleAsync(processes, cancellationToken);
        var count = Math.Max(operation?.Count ?? 0, 1);
        var perDatabase = (await statements.ReadAsync(cancellationToken)).ToDictionary(d => d.Key, d => (d.Value.Statements / (double)count, d.Value.Transactions / (double)count));
        var perProcess = processes.ToDictionary(p => p.Name, p => ((after[p.Name].Cpu - before[p.Name].Cpu) / count * 1000, (after[p.Name].Bytes - before[p.Name].Bytes) / count / 1024));
        return new Phase(name, (operation?.Succeeded ?? 0) / elapsed.TotalSeconds, operation?.Percentile(o => o.StartsWith('2'), 0.5) ?? double.NaN,
            operation?.Percentile(o => o.StartsWith('2'), 0.99) ?? double.NaN, cpu / count * 1000, latency, perDatabase, perProcess, MachineCpu.LoadAverage());
    }

    private static async Task<Dictionary<string, (double Cpu, double Bytes)>> SampleAsync(List<(string Name, ServiceProcess Process)> processes, CancellationToken cancellationToken)
    {
        var sample = new Dictionary<string, (double, double)>();
        foreach (var (name, process) in processes)
        {
            sample[name] = (process.CpuSeconds(), await process.AllocatedBytesAsync(cancellationToken));
        }
        return sample;
    }

    private static string Mode(LoadOptions run) => run.Rate is { } rate ? $"open loop {rate}/s" : $"closed loop {run.Concurrency ?? 32} callers";

    private static void Print(string title, Phase floor, Phase system)
    {
        static string Ratio(double system, double floor) => floor > 0 ? (system / floor).ToString("F2", CultureInfo.InvariantCulture) : "-";
        Console.WriteLine($"### {title}: floor against system");
        Console.WriteLine($"  {"",-34} {"floor",12} {"system",12} {"system/floor",12}");
        Console.WriteLine($"  {"submissions/s",-34} {floor.Rate,12:F0} {system.Rate,12:F0} {Ratio(system.Rate, floor.Rate),12}");
        Console.WriteLine($"  {"POST p50 ms",-34} {floor.P50,12:F1} {system.P50,12:F1} {Ratio(system.P50, floor.P50),12}");
        Console.WriteLine($"  {"POST p99 ms",-34} {floor.P99,12:F1} {system.P99,12:F1} {Ratio(system.P99, floor.P99),12}");
        Console.WriteLine($"  {"machine CPU ms per submission",-34} {floor.CpuMilliseconds,12:F2} {system.CpuMilliseconds,12:F2} {Ratio(system.CpuMilliseconds, floor.CpuMilliseconds),12}");
        Console.WriteLine($"  {"to planning p50 / p99 ms",-34} {Pair(floor.ToPlanning),12} {Pair(system.ToPlanning),12}");
        foreach (var database in floor.Databases.Keys.Union(system.Databases.Keys).Order())
        {
            var (f, s) = (floor.Databases.GetValueOrDefault(database), system.Databases.GetValueOrDefault(database));
            Console.WriteLine($"  {"db " + database + ": statements / xacts",-34} {$"{f.Statements:F1} / {f.Transactions:F1}",12} {$"{s.Statements:F1} / {s.Transactions:F1}",12}");
        }
        foreach (var (process, (cpu, kilobytes)) in system.Processes)
        {
            Console.WriteLine($"  {process + ": CPU ms / KB allocated",-34} {"",12} {$"{cpu:F2} / {kilobytes:F0}",12}");
        }
        Console.WriteLine($"  load average: floor {floor.LoadAverage}; system {system.LoadAverage}");
    }

    private static string Pair((double P50, double P99)? latency) => latency is { } l ? $"{l.P50:F0} / {l.P99:F0}" : "-";

    public sealed record Phase(string Name, double Rate, double P50, double P99, double CpuMilliseconds, (double P50, double P99)? ToPlanning,
        Dictionary<string, (double Statements, double Transactions)> Databases, Dictionary<string, (double Cpu, double Kilobytes)> Processes, string LoadAverage);
}
