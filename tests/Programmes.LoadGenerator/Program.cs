using Programmes.LoadGenerator;
using Programmes.LoadGenerator.Checking;
using Programmes.LoadGenerator.Driving;
using Programmes.LoadGenerator.Recording;
using Programmes.LoadGenerator.Scenarios;
using Programmes.LoadGenerator.Targets;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
Console.WriteLine($"# load generator: {string.Join(' ', args)}");
Console.WriteLine($"# {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Environment.OSVersion}");

await using Target target = options.InProcess ? await InProcessTarget.StartAsync() : new ComposeTarget(options);
Console.WriteLine($"# target: {(options.InProcess ? "in-process system on Testcontainers" : "gateways " + string.Join(", ", target.Gateways))}");
var clients = new LoadClients(target, options.Clients ?? ClientsPerParty(options, target));
var session = new LoadSession(target, clients, options);
await session.RunAsync(options.Scenario, stop.Token);
await target.PrintMemoryAsync();
return 0;

// Enough clients per party that no single client's token bucket (20/s for States and staff) limits the load.
// `goals` compares the gateway with nginx at whatever rate they reach, so it takes the most (120 x 20/s).
static int ClientsPerParty(LoadOptions options, Target target) =>
    !target.RateLimited ? 2 : options.Scenario == "goals" ? 120 : Math.Clamp((int)Math.Ceiling((options.Rate ?? (options.Concurrency ?? (options.Scenario == "payments" ? 8 : 32)) * 40.0) / 2 / 15), 2, 120);

/// <summary>Runs one scenario, or all the performance goals in order, against one target.</summary>
internal sealed class LoadSession(Target target, LoadClients clients, LoadOptions options)
{
    public async Task RunAsync(string scenario, CancellationToken cancellationToken)
    {
        switch (scenario)
        {
            case "proxy":
                await new ProxyComparison(target, clients, options).RunAsync(cancellationToken);
                break;
            case "payments":
                await new PaymentsCheck(target, clients, options).RunAsync(cancellationToken);
                break;
            case "floor":
                await new SubmissionComparison(target, clients, LoadAsync).RunAsync("floor and system", options with { Concurrency = options.Rate is null ? options.Concurrency ?? 32 : null }, cancellationToken);
                break;
            case "seed":
                await new Seeder(target, options.Seed).RunAsync(cancellationToken);
                break;
            case "goals":
                await GoalsAsync(cancellationToken);
                break;
            default:
                await LoadAsync(scenario, options, cancellationToken);
                break;
        }
    }

    private async Task<LoadResult> LoadAsync(string scenario, LoadOptions run, CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        var consistency = new IntakeConsistency(target.PlanningDb);
        IScenario load = scenario switch
        {
            "submit" => new SubmitScenario(clients, recorder, consistency, run),
            "journey" => new JourneyScenario(clients, recorder, consistency, run),
            "contributions" => new ContributionsScenario(clients, recorder),
            "partner-reads" => new PartnerReadsScenario(clients, recorder),
            "get-direct" => new DirectGetScenario(clients, recorder, run.IntakeService, target.Http),
            _ => throw new ArgumentException($"Unknown scenario {scenario}.\n{LoadOptions.Usage}"),
        };
        await load.PrepareAsync(cancellationToken);
        var mode = run.Rate is { } rate ? $"open loop {rate}/s" : $"closed loop {run.Concurrency ?? 32} callers";
        var elapsed = await Driver.RunAsync(load, recorder, run, cancellationToken);
        recorder.Print($"{scenario}, {mode}, {run.Duration.TotalSeconds:F0} s after {run.Warmup.TotalSeconds:F0} s warm-up", elapsed);
        await load.ReportAsync(cancellationToken);
        return new LoadResult(recorder.Operations.TryGetValue(load.Operation, out var operation) ? operation : null, elapsed, consistency);
    }

    /// <summary>Issue 17's goals in one run, each printed with its figure and met / not met.</summary>
    private Task GoalsAsync(CancellationToken cancellationToken) =>
        new GoalRun(target, clients, options, LoadAsync).RunAsync(cancellationToken);
}

/// <summary>One load's figures: the scenario's operation, the measured time, and its consistency check.</summary>
internal sealed record LoadResult(Recorder.Operation? Operation, TimeSpan Elapsed, IntakeConsistency Consistency);
