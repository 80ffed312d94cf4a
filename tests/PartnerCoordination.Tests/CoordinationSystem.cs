using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Programmes.Contracts;
using Programmes.Testing;
using Xunit;

namespace Programmes.PartnerCoordination.Tests;

/// <summary>
/// Coordination behind the gateway with a fake clock that starts on a Monday, so deadlines (10 working
/// days) and the 3-day endpoint disabling are reached by advancing it. Shared by the "coordination"
/// collection: its tests run one after another on one system.
/// </summary>
public sealed class CoordinationSystem : TestSystem
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public CoordinationSystem() : base(Services.Coordination)
    {
        Settings["Clearance:CheckInterval"] = "00:00:00.200";
        Settings["Webhooks:PollInterval"] = "00:00:00.100";
        Settings["Webhooks:FirstRetryDelay"] = "00:01:00";
        Configure = (service, builder) =>
        {
            if (service == Services.Coordination)
            {
                builder.Services.AddSingleton<TimeProvider>(Clock);
            }
        };
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public Task ProposeAsync(ProgrammeProposed programme) => PublishAsync(programme);

    public async Task SetInterestsAsync(string partner, string[] thematicAreas, string[] stateCodes)
    {
        var staff = await ClientAsync(TestClients.Staff);
        var response = await staff.PutAsJsonAsync($"/api/coordination/partners/{partner}/interests",
            new { thematicAreas, stateCodes, regionalGroups = Array.Empty<string>() });
        response.EnsureSuccessStatusCode();
    }
}

[CollectionDefinition("coordination")]
public sealed class CoordinationCollection : ICollectionFixture<CoordinationSystem>;
