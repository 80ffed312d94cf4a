using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Programmes.Gateway.Clients;
using Programmes.Testing;
using Xunit;

namespace Programmes.EndToEnd.Tests;

public sealed record JourneyIds(Guid RequestId, Guid ProgrammeId, Guid RoundId, Guid PaymentId);

/// <summary>The journey the audit test reads back, and the rules it checks on what the journey left behind.</summary>
internal static class AuditJourney
{
    public static async Task<JourneyIds> RunAsync(TestSystem system)
    {
        var state = await system.ClientAsync(TestClients.StateKenya);
        var staff = await system.ClientAsync(TestClients.Staff);
        var cted = await system.ClientAsync(TestClients.Cted);
        var donor = await system.ClientAsync(TestClients.DonorNorway);

        var requestId = (await state.PostAsJsonAsync("/api/intake/requests", new
        {
            stateCode = "KEN",
            requestingAuthority = "Office of the Attorney General",
            contactPerson = "A. Focal Point",
            contactEmail = "focal.point@justice.go.ke",
            thematicAreas = new[] { "RATIFICATION" },
            instruments = new[] { "TERRORIST-BOMBINGS-1997" },
            needs = "Assistance to ratify the 1997 Bombings Convention.",
        }).ShouldBeJson(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // Planning hears of the submission before the acceptance, so it records two changes of its intake item (an
        // acceptance consumed first would create the item already accepted, and the late submission change nothing).
        await Eventually.TrueAsync(async () =>
            (await staff.GetItemsAsync($"/api/planning/intake-items?requestId={requestId}")) is [_], what: "the submitted request in planning");
        await staff.PostAsJsonAsync($"/api/intake/requests/{requestId}/accept", new { }).ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () =>
            (await staff.GetItemsAsync($"/api/planning/intake-items?requestId={requestId}")) is [var item]
            && item.GetProperty("acceptedAt").ValueKind == JsonValueKind.String, what: "the accepted request in planning");

        var programme = await staff.PostAsJsonAsync("/api/planning/programmes", new
        {
            title = "Kenya: becoming party to the 1997 Bombings Convention",
            objectives = "Ratify the Convention.",
            scope = "National",
            stateCodes = new[] { "KEN" },
            thematicAreas = new[] { "RATIFICATION" },
            instruments = new[] { "TERRORIST-BOMBINGS-1997" },
            requestIds = new[] { requestId },
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
        var programmeId = programme.GetProperty("id").GetGuid();
        var activityId = programme.GetProperty("activities")[0].GetProperty("id").GetGuid();
        await staff.PutAsJsonAsync($"/api/planning/programmes/{programmeId}/markers", new { genderMarker = 2, childrenConcerned = false }).ShouldBe(HttpStatusCode.OK);
        await staff.PutAsJsonAsync($"/api/planning/programmes/{programmeId}/compliance-review", new { outcome = "Cleared", reviewer = "Human-rights adviser" })
            .ShouldBe(HttpStatusCode.OK);
        await staff.PostAsync($"/api/planning/programmes/{programmeId}/proposal", null).ShouldBe(HttpStatusCode.OK);

        var round = await Eventually.GetAsync(async () =>
            (await cted.GetItemsAsync($"/api/coordination/rounds?programmeId={programmeId}"))!.Select(r => (JsonElement?)r).FirstOrDefault(),
            what: "the clearance round");
        var roundId = round.GetProperty("id").GetGuid();
        await cted.PostAsJsonAsync($"/api/coordination/rounds/{roundId}/answers", new { answer = "Concur" }).ShouldBe(HttpStatusCode.OK);

        // Funded by Norway in kroner: the month's rate, a pledge of 25,000 USD, paid in two instalments.
        await staff.PostWithKeyAsync("/api/funding/donors", new { code = "DONOR-NOR", name = "Norway", kind = "MemberState", stateCode = "NOR" })
            .ShouldBe(HttpStatusCode.Created);
        await staff.PostWithKeyAsync("/api/funding/donors", new { code = "DONOR-JPN", name = "Japan", kind = "MemberState", stateCode = "JPN" })
            .ShouldBe(HttpStatusCode.Created);
        await staff.PostWithKeyAsync("/api/funding/exchange-rates", new { currency = "NOK", month = "2026-11", unitsPerUsd = 10.5m })
            .ShouldBe(HttpStatusCode.OK);
        var pledge = await donor.PostWithKeyAsync("/api/funding/pledges", new
        {
            amount = 262_500.00m,
            currency = "NOK",
            pledgeDate = "2026-11-02",
            agreementReference = "NOR-2026-7",
            earmarking = "Programme",
            earmarkedTo = programmeId.ToString(),
        }).ShouldBeJson(HttpStatusCode.Created);
        var payments = $"/api/funding/pledges/{pledge.GetProperty("id").GetGuid()}/payments";
        var payment = await donor.PostWithKeyAsync(payments, new { amount = 136_500.00m, currency = "NOK", valueDate = "2026-11-20", bankReference = "NOR-0042" })
            .ShouldBeJson(HttpStatusCode.Created);
        await donor.PostWithKeyAsync(payments, new { amount = 126_000.00m, currency = "NOK", valueDate = "2026-11-23", bankReference = "NOR-0043" })
            .ShouldBe(HttpStatusCode.Created);

        await Eventually.TrueAsync(async () =>
            (await staff.GetFromJsonAsync<JsonElement>($"/api/planning/programmes/{programmeId}")).GetProperty("status").GetString() == "Approved",
            timeout: TimeSpan.FromSeconds(60), what: "the approved programme");
        await staff.PostAsJsonAsync($"/api/planning/programmes/{programmeId}/status-changes", new { action = "StartDelivery", reason = "Venue confirmed." })
            .ShouldBe(HttpStatusCode.OK);
        await staff.PostAsJsonAsync($"/api/planning/programmes/{programmeId}/activities/{activityId}/delivery", new
        {
            actualStart = "2026-11-24",
            actualEnd = "2026-11-26",
            participants = new { women = 14, men = 10, other = 1 },
            evaluationScore = 4.5m,
            spentUsd = 17_250m,
        }).ShouldBe(HttpStatusCode.OK);
        await staff.PostAsJsonAsync($"/api/planning/programmes/{programmeId}/results", new
        {
            kind = "LawAmended",
            description = "Penal Code amended to criminalise terrorist bombings",
            stateCode = "KEN",
            instrumentCode = "TERRORIST-BOMBINGS-1997",
            date = "2026-11-27",
        }).ShouldBe(HttpStatusCode.Created);
        await Eventually.TrueAsync(async () =>
            (await state.GetFromJsonAsync<JsonElement>($"/api/intake/requests/{requestId}")).GetProperty("timeline").EnumerateArray()
                .Any(e => e.ToString().Contains("Approved", StringComparison.OrdinalIgnoreCase)),
            what: "the approval on the State's timeline");
        return new JourneyIds(requestId, programmeId, roundId, payment.GetProperty("id").GetGuid());
    }

    /// <summary>Each service's audit of one journey object, read by every role: owners see it, staff see all, others 404 or 403.</summary>
    public static async Task AssertObjectLevelRulesAsync(TestSystem system, JourneyIds ids)
    {
        // Roles besides staff that each service's audit read admits at all; any other role gets 403.
        var cases = new (string Service, string ObjectId, DemoClient Owner, DemoClient Foreigner, string[] Admitted)[]
        {
            ("intake", ids.RequestId.ToString(), TestClients.StateKenya, TestClients.StateNiger, ["state", "partner"]),
            ("planning", ids.ProgrammeId.ToString(), TestClients.StateKenya, TestClients.StateNiger, ["state"]),
            ("coordination", $"{ids.RoundId}/CTED", TestClients.Cted, TestClients.Interpol, ["partner"]),
            ("funding", ids.PaymentId.ToString(), TestClients.DonorNorway, TestClients.DonorJapan, ["donor"]),
        };
        var roles = new[] { TestClients.StateKenya, TestClients.Cted, TestClients.DonorNorway, TestClients.Staff, TestClients.Operations };
        foreach (var (service, objectId, owner, foreigner, admitted) in cases)
        {
            var url = $"/api/{service}/audit?objectId={Uri.EscapeDataString(objectId)}";
            foreach (var client in roles)
            {
                var http = await system.ClientAsync(client);
                var expected = client == owner || client == TestClients.Staff ? HttpStatusCode.OK
                    : admitted.Contains(client.Role) ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
                var response = await http.GetAsync(url).ShouldBe(expected);
                if (expected == HttpStatusCode.OK)
                {
                    Assert.NotEqual(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
                }
            }
            var foreign = await system.ClientAsync(foreigner);
            await foreign.GetAsync(url).ShouldBe(HttpStatusCode.NotFound);
            var all = await AuditJourneyTests.EntriesAsync(foreign, service, "");
            Assert.DoesNotContain(all, e => e.GetProperty("objectId").GetString() == objectId);
        }
    }

    /// <summary>Every database refuses to change or remove an audit row, whatever the statement.</summary>
    public static async Task AssertAppendOnlyAsync(TestSystem system)
    {
        var staff = await system.ClientAsync(TestClients.Staff);
        var clientId = $"audit-{Guid.NewGuid():N}"[..20];
        await staff.PostAsJsonAsync("/api/gateway/clients", new { clientId, role = "staff", displayName = "Audited" }).ShouldBe(HttpStatusCode.Created);
        var gatewayAudit = await staff.GetFromJsonAsync<JsonElement[]>($"/api/gateway/clients/{clientId}/audit");
        Assert.Equal("test-staff", Assert.Single(gatewayAudit!).GetProperty("actor").GetString());

        foreach (var (database, connectionString) in system.ConnectionStrings)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var before = await CountAsync(connection);
            Assert.True(before > 0, $"{database} has audit entries");
            foreach (var statement in new[] { "UPDATE audit_entries SET action = 'Tampered'", "DELETE FROM audit_entries", "TRUNCATE audit_entries" })
            {
                await using var command = new NpgsqlCommand(statement, connection);
                var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
                Assert.Equal("42501", refused.SqlState);
            }
            Assert.Equal(before, await CountAsync(connection));
        }
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM audit_entries", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
