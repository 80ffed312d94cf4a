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
public sealed class Seeder(BadInputSystem system)
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

    public static string Activity(string state = "KEN") => $$"""
        {
          "title": "National workshop on the universal instruments",
          "modality": "NATIONAL-WORKSHOP",
          "thematicArea": "RATIFICATION",
          "plannedStart": "2026-03-02",
          "plannedEnd": "2026-03-04",
          "place": { "stateCode": "{{state}}", "city": "Nairobi", "online": false },
          "plannedParticipants": { "women": 12, "men": 15, "other": 1 },
          "targetInstitutions": ["PROSECUTION", "JUDICIARY"],
          "budget": { "experts": 10000, "travel": 5000, "venue": 2500, "translation": 0, "other": 500 }
        }
        """;

    public static string Programme(Guid requestId) => $$"""
        {
          "title": "Kenya: becoming party to the remaining instruments",
          "objectives": "Ratify the 1997 Bombings Convention and incorporate it into national law.",
          "scope": "National",
          "stateCodes": ["KEN"],
          "thematicAreas": ["RATIFICATION", "LEGISLATIVE-INCORPORATION"],
          "instruments": ["TERRORIST-BOMBINGS-1997"],
          "requestIds": ["{{requestId}}"],
          "activities": [{{Activity()}}]
        }
        """;

    /// <summary>A draft programme with one activity and its markers set: (programme id, activity id).</summary>
    public async Task<(Guid Programme, Guid Activity)> DraftProgrammeAsync()
    {
        var staff = await As(TestClients.Staff);
        var content = new StringContent(Programme(await AcceptedRequestAsync()), System.Text.Encoding.UTF8, "application/json");
        var created = await staff.PostAsync("/api/planning/programmes", content).ShouldBeJson(HttpStatusCode.Created);
        var id = Id(created);
        await staff.PutAsJsonAsync($"/api/planning/programmes/{id}/markers", new { genderMarker = 2, childrenConcerned = false }).ShouldBe(HttpStatusCode.OK);
        return (id, created.GetProperty("activities")[0].GetProperty("id").GetGuid());
    }

    public async Task<(Guid Programme, Guid Activity)> ProposedProgrammeAsync()
    {
        var (id, activity) = await DraftProgrammeAsync();
        await (await As(TestClients.Staff)).PostAsync($"/api/planning/programmes/{id}/proposal", null).ShouldBe(HttpStatusCode.OK);
        return (id, activity);
    }

    public async Task<Guid> ProgrammeWithOpenConcernsAsync()
    {
        var (id, _) = await ProposedProgrammeAsync();
        await PublishAsync(new ProgrammeClearanceRaisedConcerns(id, Guid.NewGuid(), [new ClearanceConcern("CTED", "FlagOverlap", "Overlaps our course.", null)], DateTimeOffset.UtcNow));
        await ProgrammeWhenAsync(id, p => p.GetProperty("approval").GetProperty("concernsOpen").GetBoolean(), "open concerns");
        return id;
    }

    /// <summary>Proposed, reviewed, cleared and funded: approved.</summary>
    public async Task<(Guid Programme, Guid Activity)> ApprovedProgrammeAsync()
    {
        var (id, activity) = await ProposedProgrammeAsync();
        var staff = await As(TestClients.Staff);
        await staff.PutAsJsonAsync($"/api/planning/programmes/{id}/compliance-review", new { outcome = "Cleared", reviewer = "Human-rights adviser" }).ShouldBe(HttpStatusCode.OK);
        await PublishAsync(new ProgrammeCleared(id, Guid.NewGuid(), ["CTED"], [], DateTimeOffset.UtcNow));
        var budget = (await ProgrammeWhenAsync(id, p => p.GetProperty("approval").GetProperty("partnerClearance").GetBoolean(), "clearance"))
            .GetProperty("budgetUsd").GetDecimal();
        await PublishAsync(new ProgrammeFullyFunded(id, budget, budget, DateTimeOffset.UtcNow));
        await ProgrammeWhenAsync(id, p => p.GetProperty("status").GetString() == "Approved", "approval");
        return (id, activity);
    }

    public async Task<(Guid Programme, Guid Activity)> ProgrammeInDeliveryAsync()
    {
        var (id, activity) = await ApprovedProgrammeAsync();
        await (await As(TestClients.Staff)).PostAsJsonAsync($"/api/planning/programmes/{id}/status-changes", new { action = "StartDelivery" }).ShouldBe(HttpStatusCode.OK);
        return (id, activity);
    }

    private async Task<JsonElement> ProgrammeWhenAsync(Guid id, Func<JsonElement, bool> condition, string what)
    {
        var staff = await As(TestClients.Staff);
        return await Eventually.GetAsync<object>(async () =>
        {
            var programme = await staff.GetFromJsonAsync<JsonElement>($"/api/planning/programmes/{id}");
            return condition(programme) ? programme : null;
        }, what: what) is JsonElement found ? found : default;
    }

    // Coordination

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
