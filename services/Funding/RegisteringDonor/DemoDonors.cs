using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.ReferenceData;

namespace Programmes.Funding.RegisteringDonor;

/// <summary>The donor record a demo donor client acts for, as <c>deploy/demo-clients.json</c> describes it.</summary>
public sealed record DemoDonor(string Name, DonorKind Kind, string? StateCode, string? IatiIdentifier);

/// <summary>
/// Registers the donor of every demo donor client in the file the gateway seeds its demo clients from
/// (<c>DemoClients:File</c>), so a fresh system's <c>demo-donor-nor</c> can pledge at once. One file names the
/// client and its donor, so the two cannot drift apart. Runs once the database is migrated, before the server
/// listens; a donor already there (seeded before, or registered by staff) is left as it is, so restarts and
/// several instances starting at once change nothing. Nothing is seeded when no file is configured.
/// </summary>
public sealed class DemoDonorSeeding(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock) : IHostedService
{
    private sealed record Entry(string? Role, string? Subject, DemoDonor? Donor);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration["DemoClients:File"] is not { Length: > 0 } file)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FundingDb>();
        foreach (var (code, donor) in Read(await File.ReadAllTextAsync(file, cancellationToken)))
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO donors (id, code, name, kind, state_code, iati_identifier, agreement_references, registered_at) VALUES ({Guid.CreateVersion7()}, {code}, {donor.Name}, {donor.Kind.ToString()}, {donor.StateCode}, {donor.IatiIdentifier}, {Array.Empty<string>()}, {clock.GetUtcNow()}) ON CONFLICT (code) DO NOTHING",
                cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static readonly JsonSerializerOptions FileOptions =
        new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>The donors of the file's donor clients; a donor client without a donor description is an error in the file.</summary>
    public static IReadOnlyList<(string Code, DemoDonor Donor)> Read(string json)
    {
        var entries = JsonSerializer.Deserialize<List<Entry>>(json, FileOptions) ?? [];
        return [.. entries.Where(e => e.Role == "donor").Select(e =>
        {
            if (e.Subject is not { Length: > 0 } code || e.Donor is not { Name.Length: > 0 } donor || donor.Kind == DonorKind.RegularBudget
                || (donor.StateCode is not null && !Reference.IsMemberState(donor.StateCode)))
            {
                throw new InvalidOperationException(
                    $"Demo donor client '{e.Subject}' needs a \"donor\" with a name, a voluntary kind and, if any, a Member State code.");
            }
            return (code, donor);
        })];
    }
}
