using Microsoft.EntityFrameworkCore;
using Programmes.PartnerCoordination.Persistence;
using Programmes.ReferenceData;

namespace Programmes.PartnerCoordination.ManagingPartners;

/// <summary>
/// Registers every partner of the reference table that the registry does not hold yet. Runs before the
/// server listens; existing partners (and the interests staff gave them) are left as they are.
/// </summary>
public sealed class PartnerSeeding(IServiceScopeFactory scopes, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoordinationDb>();
        var now = clock.GetUtcNow();
        foreach (var partner in Reference.Partners.Values)
        {
            // Several instances may start at once: the insert is a no-op for a partner already there.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO partners (code, name, kind, thematic_areas, state_codes, regional_groups, updated_at) VALUES ({partner.Code}, {partner.Name}, {partner.Kind}, {Array.Empty<string>()}, {Array.Empty<string>()}, {Array.Empty<string>()}, {now}) ON CONFLICT (code) DO NOTHING",
                cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
