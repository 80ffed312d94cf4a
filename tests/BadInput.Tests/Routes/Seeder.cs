using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Contracts;
using Programmes.Gateway.Clients;
using Programmes.Testing;

namespace Programmes.BadInput.Tests.Routes;

/// <summary>
/// Creates the real objects the routes' parameters name, through the gateway as their owners would (and, for
/// facts of other services, by publishing the event). Each call makes fresh objects, so one route's valid body
/// never changes the state another route's corpus runs against.
/// </summary>
public sealed partial class Seeder(BadInputSystem system)
{
    public static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
    public static readonly string InAMonth = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd");
    public static readonly string InAYear = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(365).ToString("yyyy-MM-dd");

    private readonly ConcurrentDictionary<string, HttpClient> _clients = new();
    private int _sequence;

    public async Task<HttpClient> As(DemoClient client)
    {
        if (!_clients.TryGetValue(client.ClientId, out var http))
        {
            http = _clients.GetOrAdd(client.ClientId, await system.ClientAsync(client));
        }
        return http;
    }

    public Task PublishAsync<T>(T message) where T : class => system.PublishAsync(message);

    /// <summary>A number unique in this run, for codes and references.</summary>
    public int Next() => Interlocked.Increment(ref _sequence);

    public static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    // Intake

    public async Task<Guid> SubmittedRequestAsync(string area = "RATIFICATION") =>
        Id(await (await As(TestClients.StateKenya)).PostAsJsonAsync("/api/intake/requests", new
        {
            stateCode = "KEN",
            requestingAuthority = "Office of the Attorney General",
            thematicAreas = new[] { area },
            instruments = new[] { "TERRORIST-BOMBINGS-1997" },
            needs = "Assistance to ratify the remaining instruments.",
        }).ShouldBeJson(HttpStatusCode.Created));

    public async Task<Guid> InformationRequestedAsync()
    {
        var id = await SubmittedRequestAsync();
        await (await As(TestClients.Staff)).PostAsJsonAsync($"/api/intake/requests/{id}/information-request", new { questions = new[] { "Which ministry leads?" } })
            .ShouldBe(HttpStatusCode.OK);
        return id;
    }

    public async Task<Guid> ReferralAwaitingEndorsementAsync() =>
        Id(await (await As(TestClients.Cted)).PostAsJsonAsync("/api/intake/referrals", new
        {
            stateCode = "KEN",
            thematicAreas = new[] { "CHILDREN" },
            recommendation = "Juvenile justice.",
            assessmentReference = $"CTED/ASSESS/2026/{Next()}",
            assessmentDate = "2026-02-01",
            stateConsented = true,
        }).ShouldBeJson(HttpStatusCode.Created));

    public async Task<Guid> CentralAuthorityAsync() =>
        Id(await (await As(TestClients.StateKenya)).PostAsJsonAsync("/api/intake/central-authorities", new
        {
            kind = "MutualLegalAssistance",
            name = $"Central Authority {Next()}",
            languages = new[] { "en" },
            lastConfirmed = Today,
        }).ShouldBeJson(HttpStatusCode.Created));

    // Planning

    /// <summary>A request submitted and accepted in intake; returns once planning has it as accepted.</summary>
    public async Task<Guid> AcceptedRequestAsync()
    {
        var id = await SubmittedRequestAsync();
        var staff = await As(TestClients.Staff);
        await staff.PostAsync($"/api/intake/requests/{id}/accept", null).ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () =>
        {
            var items = await staff.GetItemsAsync($"/api/planning/intake-items?requestId={id}");
            return items is [var item] && item.GetProperty("acceptedAt").ValueKind == JsonValueKind.String;
        }, what: "the accepted request in planning");
        return id;
    }

    /// <summary>An open clearance round addressed to CTED: (round id, programme id).</summary>
    public async Task<(Guid Round, Guid Programme)> RoundAddressedToCtedAsync()
    {
        var staff = await As(TestClients.Staff);
        await staff.PutAsJsonAsync("/api/coordination/partners/CTED/interests",
            new { thematicAreas = new[] { "CULTURAL-HERITAGE" }, stateCodes = new[] { "NER" }, regionalGroups = Array.Empty<string>() }).ShouldBe(HttpStatusCode.OK);
        var programme = Guid.NewGuid();
        await PublishAsync(new ProgrammeProposed(programme, "Protecting cultural heritage in the Sahel", ["NER"], ["CULTURAL-HERITAGE"], [Guid.NewGuid()],
            [new PlannedActivity(Guid.NewGuid(), "NER", "CULTURAL-HERITAGE", "NATIONAL-WORKSHOP", new DateOnly(2027, 9, 6), new DateOnly(2027, 9, 10), 40_000m)],
            40_000m, DateTimeOffset.UtcNow));
        var round = await Eventually.GetAsync(async () =>
            (await staff.GetItemsAsync($"/api/coordination/rounds?programmeId={programme}"))!.SingleOrDefault() is { ValueKind: JsonValueKind.Object } r ? (JsonElement?)r : null,
            what: "the clearance round of the programme");
        return (Id(round), programme);
    }

    /// <summary>A partner of this run's own, with no interests, so no round ever addresses it and no webhook ever fires.</summary>
    public async Task<string> PartnerAsync()
    {
        var code = $"BADINPUT-{Next()}";
        await (await As(TestClients.Staff)).PostAsJsonAsync("/api/coordination/partners", new { code, name = "Bad input partner " + code, kind = "Compact member" })
            .ShouldBe(HttpStatusCode.Created);
        return code;
    }

    public async Task<(string Partner, Guid Endpoint)> WebhookEndpointAsync()
    {
        var partner = await PartnerAsync();
        var created = await (await As(TestClients.Staff)).PostAsJsonAsync($"/api/coordination/partners/{partner}/endpoints",
            new { url = "https://example.org/hooks/programmes", eventTypes = new[] { "clearance.round.opened" } }).ShouldBeJson(HttpStatusCode.Created);
        return (partner, Id(created));
    }

    public async Task<Guid> DeclaredActivityAsync() =>
        Id(await (await As(TestClients.Cted)).PostAsJsonAsync("/api/coordination/activities", new
        {
            stateCode = "TCD",
            thematicArea = "BORDER-MANAGEMENT",
            modality = "TRAINING-COURSE",
            title = "Border security course",
            startDate = "2027-08-01",
            endDate = "2027-08-05",
        }).ShouldBeJson(HttpStatusCode.Created));

    // Funding

    public async Task<Guid> DonorAsync()
    {
        var code = $"DONOR-BAD-{Next()}";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/funding/donors")
        {
            Content = JsonContent.Create(new { code, name = "Donor " + code, kind = "Intergovernmental" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return Id(await (await As(TestClients.Staff)).SendAsync(request).ShouldBeJson(HttpStatusCode.Created));
    }

    public async Task<Guid> PledgeAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/funding/pledges")
        {
            Content = JsonContent.Create(new
            {
                donorId = await DonorAsync(),
                amount = 1_000_000m,
                currency = "USD",
                pledgeDate = Today,
                agreementReference = "AGR-2026-01",
                earmarking = "Unearmarked",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return Id(await (await As(TestClients.Staff)).SendAsync(request).ShouldBeJson(HttpStatusCode.Created));
    }
}
