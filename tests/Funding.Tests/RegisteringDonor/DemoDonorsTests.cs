using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Programmes.Funding.Model;
using Programmes.Funding.RegisteringDonor;
using Programmes.ServiceDefaults;
using Programmes.Testing;
using Xunit;

namespace Programmes.Funding.Tests.RegisteringDonor;

/// <summary>The demo set-up's donor client can pledge on a fresh system: its donor is seeded from the same file as the client.</summary>
public sealed class DemoDonorsTests(FundingSystem system) : IClassFixture<FundingSystem>
{
    [Fact]
    public void The_demo_clients_file_names_a_donor_for_every_donor_client()
    {
        var file = Path.Combine(RepositoryRoot(), "deploy", "demo-clients.json");
        var donors = DemoDonorSeeding.Read(File.ReadAllText(file));

        var (code, norway) = Assert.Single(donors);
        Assert.Equal("DONOR-NOR", code);
        Assert.Equal(new DemoDonor("Norway", DonorKind.MemberState, "NOR", "XM-DAC-8"), norway);
        Assert.Throws<InvalidOperationException>(() => DemoDonorSeeding.Read("""[{ "clientId": "d", "role": "donor", "subject": "DONOR-X" }]"""));
    }

    [Fact]
    public async Task Seeding_twice_makes_one_donor_whose_new_client_pledges_at_once()
    {
        var code = $"DONOR-DEMO-{Random.Shared.Next(100_000, 999_999)}";
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, $$"""
            [
              { "clientId": "demo-staff", "clientSecret": "s", "role": "staff", "subject": "staff" },
              { "clientId": "demo-donor", "clientSecret": "s", "role": "donor", "subject": "{{code}}", "displayName": "Demo donor",
                "donor": { "name": "Demo donor", "kind": "Private" } }
            ]
            """);
        try
        {
            // As on every restart (and as several instances starting at once would): the second run changes nothing.
            var app = system.ServiceApps[Services.Funding];
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DemoClients:File"] = file }).Build();
            var seeding = new DemoDonorSeeding(app.Services.GetRequiredService<IServiceScopeFactory>(), configuration, TimeProvider.System);
            await seeding.StartAsync(CancellationToken.None);
            await seeding.StartAsync(CancellationToken.None);
        }
        finally
        {
            File.Delete(file);
        }

        var staff = await system.ClientAsync(TestClients.Staff);
        var donors = await staff.GetItemsAsync($"/api/funding/donors?code={code}");
        var donor = Assert.Single(donors!);
        Assert.Equal("Private", donor.GetProperty("kind").GetString());

        // The walkthrough: a donor client for that donor is accepted, and its first pledge is recorded.
        var registered = await staff.PostAsJsonAsync("/api/gateway/clients", new { clientId = $"demo-{code.ToLowerInvariant()}", role = Roles.Donor, party = code })
            .ShouldBeJson(HttpStatusCode.Created);
        var token = await system.AnonymousClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = registered.GetProperty("clientId").GetString()!,
            ["client_secret"] = registered.GetProperty("clientSecret").GetString()!,
        })).ShouldBeJson(HttpStatusCode.OK);
        var pledging = system.AnonymousClient();
        pledging.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        await pledging.PostWithKeyAsync("/api/funding/pledges", new
        {
            amount = 1000m,
            currency = "USD",
            pledgeDate = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"),
            agreementReference = "DEMO-1",
            earmarking = "Unearmarked",
        }).ShouldBe(HttpStatusCode.Created);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Programmes.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (Programmes.sln) was not found above " + AppContext.BaseDirectory);
    }
}
