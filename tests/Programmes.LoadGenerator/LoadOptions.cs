using System.Globalization;

namespace Programmes.LoadGenerator;

/// <summary>Command-line options. Either <see cref="Rate"/> (open loop) or <see cref="Concurrency"/> (closed loop).</summary>
public sealed record LoadOptions
{
    public string Scenario { get; init; } = "submit";
    public double? Rate { get; init; }
    public int? Concurrency { get; init; }
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);
    public List<Uri> Gateways { get; init; } = [];
    public bool InProcess { get; init; }
    public string? PlanningDb { get; init; }
    public Uri? ServiceUrl { get; init; }
    public int? Clients { get; init; }
    public int MaxInFlight { get; init; } = 4000;
    public int NginxPort { get; init; } = 5380;
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(60);
    public int Count { get; init; } = 10_000;
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(20);
    public Uri FundingUrl { get; init; } = new("http://127.0.0.1:5104/");
    public TimeSpan? CallTimeout { get; init; }
    public Uri IntakeService { get; init; } = new("http://127.0.0.1:5101/");
    public string? Record { get; init; }
    public string? Baseline { get; init; }
    public SeedSizes Seed { get; init; } = new();

    public const string Usage = """
        Usage: dotnet run -c Release --project tests/Programmes.LoadGenerator -- <scenario> [options]
          scenarios: submit | journey | contributions | partner-reads | proxy | floor | goals | payments | seed
          --rate N             open loop: N operations/s (latency from the scheduled start)
          --concurrency N      closed loop: N callers back to back (default 32 when no --rate)
          --duration 30s       how long to load (also 2m, 500ms)
          --warmup 3s          load before measuring (not counted)
          --gateway URL        gateway base URL; repeat for several (round robin). Default http://localhost:5080
          --in-process         start the whole system in this process on Testcontainers (no compose needed)
          --planning-db CS     planning's PostgreSQL connection string, for submission-to-intake latency and the
                               consistency check. Default: the compose database on localhost:5433
          --service-url URL    the service behind the gateway for `proxy` (default http://localhost:5102, planning)
          --clients N          load clients per role registered through the admin API (default: enough for the rate limits)
          --max-in-flight N    open loop: operations allowed in flight before new ones count as dropped (4000)
          --nginx-port N       port of the nginx `proxy` starts (5380)
          --settle 60s         how long the consistency check waits for the last events
          --count 10000        payments: how many payments to post (issue 16's money check)
          --time-limit 20m     payments: stop after this long even if the count is not reached
          --funding-url URL    payments: funding's own address, for its /metrics gap gauge (http://127.0.0.1:5104)
          --intake-url URL     request-intake's own address for the direct GET goal (default http://127.0.0.1:5101)
          --record FILE        goals: write the run's figures to FILE (JSON)
          --baseline FILE      goals: check every figure within 15 % of FILE's (an empty-data run's --record)
          --requests N --states N --programmes N --audit N --contributions N
                               seed: rows to add (defaults 100000, 193, 10000, 100000, 20000; the issue's full
                               sizes are 1000000, 193, 100000, 1000000, 200000)
        """;

    public static LoadOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            throw new ArgumentException("Name a scenario first.");
        }
        var options = new LoadOptions { Scenario = args[0] };
        var gateways = new List<Uri>();
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--rate" => options with { Rate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = ParseDuration(Value()) },
                "--warmup" => options with { Warmup = ParseDuration(Value()) },
                "--gateway" => Add(gateways, new Uri(Value()), options),
                "--in-process" => options with { InProcess = true },
                "--planning-db" => options with { PlanningDb = Value() },
                "--service-url" => options with { ServiceUrl = new Uri(Value()) },
                "--clients" => options with { Clients = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--max-in-flight" => options with { MaxInFlight = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--nginx-port" => options with { NginxPort = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--settle" => options with { Settle = ParseDuration(Value()) },
                "--count" => options with { Count = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--time-limit" => options with { TimeLimit = ParseDuration(Value()) },
                "--funding-url" => options with { FundingUrl = new Uri(Value()) },
                "--intake-url" => options with { IntakeService = new Uri(Value()) },
                "--record" => options with { Record = Value() },
                "--baseline" => options with { Baseline = Value() },
                "--requests" => options with { Seed = options.Seed with { Requests = int.Parse(Value(), CultureInfo.InvariantCulture) } },
                "--states" => options with { Seed = options.Seed with { States = int.Parse(Value(), CultureInfo.InvariantCulture) } },
                "--programmes" => options with { Seed = options.Seed with { Programmes = int.Parse(Value(), CultureInfo.InvariantCulture) } },
                "--audit" => options with { Seed = options.Seed with { AuditEntries = int.Parse(Value(), CultureInfo.InvariantCulture) } },
                "--contributions" => options with { Seed = options.Seed with { Contributions = int.Parse(Value(), CultureInfo.InvariantCulture) } },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return options with { Gateways = gateways };
    }

    public static TimeSpan ParseDuration(string text) => text switch
    {
        _ when text.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(double.Parse(text[..^2], CultureInfo.InvariantCulture)),
        _ when text.EndsWith('s') => TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ when text.EndsWith('m') => TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture)),
        _ => TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture)),
    };

    private static LoadOptions Add(List<Uri> gateways, Uri gateway, LoadOptions options)
    {
        gateways.Add(gateway);
        return options;
    }
}

/// <summary>How many rows <c>seed</c> adds (docs/performance.md, "Costs that do not grow with the data").</summary>
public sealed record SeedSizes
{
    public int Requests { get; init; } = 100_000;
    public int States { get; init; } = 193;
    public int Programmes { get; init; } = 10_000;
    public int AuditEntries { get; init; } = 100_000;
    public int Contributions { get; init; } = 20_000;
}
