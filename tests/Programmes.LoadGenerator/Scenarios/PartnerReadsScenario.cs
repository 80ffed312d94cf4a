using Programmes.LoadGenerator.Driving;
using Programmes.LoadGenerator.Recording;
using Programmes.LoadGenerator.Targets;
using Programmes.ServiceDefaults;

namespace Programmes.LoadGenerator.Scenarios;

/// <summary>Partners read what concerns them: their clearance rounds, their record, programmes, the ratification tracker.</summary>
public sealed class PartnerReadsScenario(LoadClients clients, Recorder recorder) : IScenario
{
    private static readonly (string Name, string Path)[] Reads =
    [
        ("read.rounds", "/api/coordination/rounds?status=Open"),
        ("read.partner", "/api/coordination/partners/CTED"),
        ("read.programmes", "/api/planning/programmes?stateCode=KEN"),
        ("read.ratifications", "/api/intake/ratifications/KEN"),
    ];

    public string Operation => "read";

    public Task PrepareAsync(CancellationToken cancellationToken) => clients.PrepareAsync(Roles.Partner, "CTED", cancellationToken);

    public async Task RunOnceAsync(long n, long scheduledAt, CancellationToken cancellationToken)
    {
        var (name, path) = Reads[n % Reads.Length];
        using var response = await Timed.SendAsync(recorder, name,
            () => clients.SendAsync(Roles.Partner, "CTED", HttpMethod.Get, path, null, cancellationToken), scheduledAt);
    }

    public Task ReportAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
