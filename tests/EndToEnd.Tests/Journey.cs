using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Testing;

namespace Programmes.EndToEnd.Tests;

/// <summary>
/// The one journey the end-to-end tests drive, step by step: Kenya asks for help to ratify the 1997 Bombings
/// Convention, staff accept and plan a programme, CTED concurs, Norway funds it in kroner (two payments), the
/// programme is approved and delivered, and a result is recorded. Each test runs as far as it needs and keeps
/// its own assertions; the ids of what each step created are on the journey.
/// </summary>
internal sealed class Journey
{
    public const string ContactPerson = "A. Focal Point";
    public const string ContactEmail = "focal.point@justice.go.ke";

    private readonly HttpClient _state;
    private readonly HttpClient _staff;
    private readonly HttpClient? _cted;
    private readonly HttpClient? _donor;

    private Journey(HttpClient state, HttpClient staff, HttpClient? cted, HttpClient? donor) =>
        (_state, _staff, _cted, _donor) = (state, staff, cted, donor);

    public Guid RequestId { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid PaymentId { get; private set; }

    /// <summary>A journey as the State and staff drive it; <paramref name="partnersAndDonors"/> adds CTED and Norway (the whole system).</summary>
    public static async Task<Journey> StartAsync(TestSystem system, bool partnersAndDonors = true) => new(
        await system.ClientAsync(TestClients.StateKenya),
        await system.ClientAsync(TestClients.Staff),
        partnersAndDonors ? await system.ClientAsync(TestClients.Cted) : null,
        partnersAndDonors ? await system.ClientAsync(TestClients.DonorNorway) : null);

    /// <summary>Every step from submission to the approval on the State's timeline; <paramref name="deliver"/> includes delivery and a result.</summary>
    public async Task<Journey> RunAsync(bool deliver = true)
    {
        await SubmitAsync();
        await AcceptAsync();
        await PlanAsync();
        await ClearAsync();
        await FundAsync();
        await ApprovedAsync();
        if (deliver)
        {
            await DeliverAsync();
        }
        await ApprovalOnTimelineAsync();
        return this;
    }

    /// <summary>The State submits; planning hears of it before the acceptance, so it records two changes of its intake item.</summary>
    public async Task SubmitAsync()
    {
        RequestId = (await _state.PostAsJsonAsync("/api/intake/requests", new
        {
            stateCode = "KEN",
            requestingAuthority = "Office of the Attorney General",
            contactPerson = ContactPerson,
            contactEmail = ContactEmail,
            thematicAreas = new[] { "RATIFICATION" },
            instruments = new[] { "TERRORIST-BOMBINGS-1997" },
            needs = "Assistance to ratify the 1997 Bombings Convention.",
        }).ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // An acceptance consumed first would create the item already accepted, and the late submission change nothing.
        await Eventually.TrueAsync(async () =>
            (await _staff.GetItemsAsync($"/api/planning/intake-items?requestId={RequestId}")) is [_], what: "the submitted request in planning");
    }

    /// <summary>Staff accept the request; planning hears of the acceptance.</summary>
    public async Task AcceptAsync()
    {
        await _staff.PostAsJsonAsync($"/api/intake/requests/{RequestId}/accept", new { }).ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () =>
            (await _staff.GetItemsAsync($"/api/planning/intake-items?requestId={RequestId}")) is [var item]
            && item.GetProperty("acceptedAt").ValueKind == JsonValueKind.String, what: "the accepted request in planning");
    }

    /// <summary>Staff draft a national programme with one workshop, set its markers, clear its compliance review and propose it.</summary>
    public async Task PlanAsync()
    {
        var programme = await _staff.PostAsJsonAsync("/api/planning/programmes", new
        {
            title = "Kenya: becoming party to the 1997 Bombings Convention",
            objectives = "Ratify the Convention and incorporate it into national law.",
            scope = "National",
            stateCodes = new[] { "KEN" },
            thematicAreas = new[] { "RATIFICATION" },
            instruments = new[] { "TERRORIST-BOMBINGS-1997" },
            requestIds = new[] { RequestId },
            activities = new[]
            {
                new
                {
                    title = "National workshop on the Convention", modality = "NATIONAL-WORKSHOP", thematicArea = "RATIFICATION",
                    plannedStart = "2027-03-02", plannedEnd = "2027-03-04", place = new { stateCode = "KEN", city = "Nairobi", online = false },
                    plannedParticipants = new { women = 12, men = 15, other = 1 }, targetInstitutions = new[] { "PROSECUTION" },
                    budget = new { experts = 10_000m, travel = 5_000m, venue = 2_500m, translation = 0m, other = 500m },
                },
            },
        }).ShouldBeJson(HttpStatusCode.Created);
        ProgrammeId = programme.GetProperty("id").GetGuid();
        ActivityId = programme.GetProperty("activities")[0].GetProperty("id").GetGuid();
        await _staff.PutAsJsonAsync($"/api/planning/programmes/{ProgrammeId}/markers", new { genderMarker = 2, childrenConcerned = false }).ShouldBe(HttpStatusCode.OK);
        await _staff.PutAsJsonAsync($"/api/planning/programmes/{ProgrammeId}/compliance-review", new { outcome = "Cleared", reviewer = "Human-rights adviser" })
            .ShouldBe(HttpStatusCode.OK);
        await _staff.PostAsync($"/api/planning/programmes/{ProgrammeId}/proposal", null).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>CTED (the only partner the seeded registry addresses by default) concurs in the clearance round.</summary>
    public async Task ClearAsync()
    {
        var cted = _cted ?? throw new InvalidOperationException("This journey has no partners.");
        var round = await Eventually.GetAsync(async () =>
            (await cted.GetItemsAsync($"/api/coordination/rounds?programmeId={ProgrammeId}"))!.Select(r => (JsonElement?)r).FirstOrDefault(),
            what: "the clearance round");
        RoundId = round.GetProperty("id").GetGuid();
        await cted.PostAsJsonAsync($"/api/coordination/rounds/{RoundId}/answers", new { answer = "Concur" }).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Norway and Japan registered; Norway funds in kroner: the month's rate, a pledge of 25,000 USD, paid in two instalments.</summary>
    public async Task FundAsync()
    {
        var donor = _donor ?? throw new InvalidOperationException("This journey has no donors.");
        await _staff.PostWithKeyAsync("/api/funding/donors", new { code = "DONOR-NOR", name = "Norway", kind = "MemberState", stateCode = "NOR" })
            .ShouldBe(HttpStatusCode.Created);
        await _staff.PostWithKeyAsync("/api/funding/donors", new { code = "DONOR-JPN", name = "Japan", kind = "MemberState", stateCode = "JPN" })
            .ShouldBe(HttpStatusCode.Created);
        await _staff.PostWithKeyAsync("/api/funding/exchange-rates", new { currency = "NOK", month = "2026-11", unitsPerUsd = 10.5m })
            .ShouldBe(HttpStatusCode.OK);
        var pledge = await donor.PostWithKeyAsync("/api/funding/pledges", new
        {
            amount = 262_500.00m,
            currency = "NOK",
            pledgeDate = "2026-11-02",
            agreementReference = "NOR-2026-7",
            earmarking = "Programme",
            earmarkedTo = ProgrammeId.ToString(),
        }).ShouldBeJson(HttpStatusCode.Created);
        var payments = $"/api/funding/pledges/{pledge.GetProperty("id").GetGuid()}/payments";
        var payment = await donor.PostWithKeyAsync(payments, new { amount = 136_500.00m, currency = "NOK", valueDate = "2026-11-20", bankReference = "NOR-0042" })
            .ShouldBeJson(HttpStatusCode.Created);
        PaymentId = payment.GetProperty("id").GetGuid();
        await donor.PostWithKeyAsync(payments, new { amount = 126_000.00m, currency = "NOK", valueDate = "2026-11-23", bankReference = "NOR-0043" })
            .ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Approved once cleared, reviewed and funded.</summary>
    public Task ApprovedAsync() => Eventually.TrueAsync(async () =>
        (await _staff.GetFromJsonAsync<JsonElement>($"/api/planning/programmes/{ProgrammeId}")).GetProperty("status").GetString() == "Approved",
        timeout: TimeSpan.FromSeconds(60), what: "the approved programme");

    /// <summary>Staff start delivery, deliver the workshop and record the law it led to.</summary>
    public async Task DeliverAsync()
    {
        await _staff.PostAsJsonAsync($"/api/planning/programmes/{ProgrammeId}/status-changes", new { action = "StartDelivery", reason = "Venue confirmed." })
            .ShouldBe(HttpStatusCode.OK);
        await _staff.PostAsJsonAsync($"/api/planning/programmes/{ProgrammeId}/activities/{ActivityId}/delivery", new
        {
            actualStart = "2026-11-24",
            actualEnd = "2026-11-26",
            participants = new { women = 14, men = 10, other = 1 },
            evaluationScore = 4.5m,
            spentUsd = 17_250m,
        }).ShouldBe(HttpStatusCode.OK);
        await _staff.PostAsJsonAsync($"/api/planning/programmes/{ProgrammeId}/results", new
        {
            kind = "LawAmended",
            description = "Penal Code amended to criminalise terrorist bombings",
            stateCode = "KEN",
            instrumentCode = "TERRORIST-BOMBINGS-1997",
            date = "2026-11-27",
        }).ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>The State sees the approval on its request's timeline.</summary>
    public Task ApprovalOnTimelineAsync() => Eventually.TrueAsync(async () =>
        (await _state.GetFromJsonAsync<JsonElement>($"/api/intake/requests/{RequestId}")).GetProperty("timeline").EnumerateArray()
            .Any(e => e.ToString().Contains("Approved", StringComparison.OrdinalIgnoreCase)),
        what: "the approval on the State's timeline");
}
