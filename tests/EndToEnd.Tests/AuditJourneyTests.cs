using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Programmes.EndToEnd.Tests;

/// <summary>
/// The whole journey (submit, accept, draft, reviews, propose, CTED concurs, pledge, rate, two payments,
/// approval, delivery, results), then each service's audit read: one entry per change of state, each naming the
/// caller (or, for a consumed event, the producing service) and the trace the change belonged to.
/// </summary>
public sealed class AuditJourneyTests(TestSystem system, ITestOutputHelper output) : IClassFixture<TestSystem>
{
    [Fact]
    public async Task Every_change_of_the_journey_is_audited_once_with_its_actor_and_trace_and_read_only_by_its_owners()
    {
        var journey = await (await Journey.StartAsync(system)).RunAsync();
        var staff = await system.ClientAsync(TestClients.Staff);

        // Every entry of every service belongs to a trace that a call through the gateway started.
        var gatewayTraces = system.Spans.ToArray().Where(s => s is not null && s.Kind == ActivityKind.Server
            && s.GetTagItem("server.port") is int port && port == system.GatewayUrl.Port).Select(s => s.TraceId.ToHexString()).ToHashSet();
        // How the two payments split into allocations is funding's rule (a rounding remainder may take a line of its own).
        var allocations = (await EntriesAsync(staff, "funding", "objectType=allocation")).Length;
        Assert.InRange(allocations, 2, 4);
        var expectedActors = ExpectedActors(allocations);
        foreach (var service in new[] { "intake", "planning", "coordination", "funding" })
        {
            var all = await EntriesAsync(staff, service, "");
            output.WriteLine($"{service}: {all.Length} entries");
            foreach (var e in all.Reverse())
            {
                output.WriteLine($"  {e.GetProperty("objectType").GetString(),-18} {Action(e),-34} {Actor(e),-22} {e.GetProperty("after")}");
            }
            Assert.All(all, e => Assert.Contains(e.GetProperty("traceId").GetString()!, gatewayTraces));
            Assert.Equal(expectedActors[service], all.GroupBy(Actor).ToDictionary(g => g.Key, g => g.Count()));
        }

        // Intake: the State submitted, staff accepted; the programme's events moved the request on (actor: planning).
        var request = await EntriesAsync(staff, "intake", $"objectId={journey.RequestId}");
        Assert.Equal(["SubmittingRequest:test-state-ken", "AcceptRequest:test-staff"], Head(request, 2));
        Assert.All(request.Skip(2), e => Assert.Equal("service:planning", Actor(e)));
        Assert.Equal(["Submitted", "Accepted"], request.Take(2).Select(e => e.GetProperty("after").GetProperty("status").GetString()));

        // Planning: the request heard of twice (actor: intake); the programme's own history.
        Assert.Equal(["AssistanceRequestSubmitted:service:intake", "AssistanceRequestAccepted:service:intake"],
            (await EntriesAsync(staff, "planning", $"objectId={journey.RequestId}")).Select(e => $"{Action(e)}:{Actor(e)}"));
        var programme = await EntriesAsync(staff, "planning", $"objectType=programme&objectId={journey.ProgrammeId}");
        Assert.Equal(["DraftProgramme:test-staff", "SetMarkers:test-staff", "RecordComplianceReview:test-staff", "ProposeProgramme:test-staff"],
            Head(programme, 4));
        Assert.Contains(programme, e => Action(e) == "ProgrammeCleared" && Actor(e) == "service:coordination");
        Assert.Contains(programme, e => Actor(e) == "service:funding" && e.GetProperty("after").GetProperty("status").GetString() == "Approved");
        Assert.Contains(programme, e => Action(e) == "ChangeProgrammeStatus" && e.GetProperty("after").GetProperty("status").GetString() == "InDelivery");
        Assert.Single(await EntriesAsync(staff, "planning", $"objectType=activity&action=DeliverActivity"));
        Assert.Single(await EntriesAsync(staff, "planning", $"objectType=result&actor=test-staff"));

        // Coordination: the round opened on the proposal (actor: planning); CTED's answer.
        var answer = Assert.Single(await EntriesAsync(staff, "coordination", $"objectType=answer&action=AnsweringRound"));
        Assert.Equal("test-cted", answer.GetProperty("actor").GetProperty("clientId").GetString());
        Assert.Equal("Concur", answer.GetProperty("after").GetProperty("answer").GetString());
        Assert.Contains(await EntriesAsync(staff, "coordination", "objectType=clearance-round"), e => Actor(e) == "service:planning");

        // Funding: the rate, the pledge, two payments in NOK with their exact amounts, the allocations.
        var rate = Assert.Single(await EntriesAsync(staff, "funding", "objectType=exchange-rate"));
        Assert.Equal(10.5m, rate.GetProperty("after").GetProperty("unitsPerUsd").GetDecimal());
        var payments = await EntriesAsync(staff, "funding", "objectType=payment&action=ReceivingPayment");
        Assert.Equal(2, payments.Length);
        Assert.Equal([136_500.00m, 126_000.00m], payments.Select(p => p.GetProperty("after").GetProperty("amount").GetDecimal()).Order().Reverse());
        Assert.All(payments, p => Assert.Equal("NOK", p.GetProperty("after").GetProperty("currency").GetString()));
        Assert.All(payments, p => Assert.Equal("test-donor-nor", p.GetProperty("actor").GetProperty("clientId").GetString()));
        Assert.Single(await EntriesAsync(staff, "funding", "objectType=pledge"));
        Assert.NotEmpty(await EntriesAsync(staff, "funding", "objectType=allocation"));
        Assert.Single(await EntriesAsync(staff, "funding", "objectType=programme-budget&action=ProgrammeBudgeted"));

        await AuditJourney.AssertObjectLevelRulesAsync(system, journey);
        await AuditJourney.AssertAppendOnlyAsync(system);
    }

    /// <summary>
    /// One entry per change of state: intake, the request submitted and accepted; planning, the request heard of
    /// twice, the programme drafted with its activity, marked, reviewed, proposed, cleared, funded twice, approved,
    /// put in delivery, the activity delivered and a result; coordination, the round opened with its addressee,
    /// CTED's answer and the round cleared; funding, the budget heard of, two donors, the rate, the pledge, two
    /// payments, each allocation (each also heard of in planning), and the budget fully funded.
    /// </summary>
    private static Dictionary<string, Dictionary<string, int>> ExpectedActors(int allocations) => new()
    {
        ["intake"] = new() { ["state:KEN"] = 1, ["staff:staff"] = 1 },
        ["planning"] = new() { ["service:intake"] = 2, ["staff:staff"] = 8, ["service:coordination"] = 1, ["service:funding"] = 1 + allocations },
        ["coordination"] = new() { ["service:planning"] = 2, ["partner:CTED"] = 2 },
        ["funding"] = new() { ["service:planning"] = 1, ["staff:staff"] = 3, ["donor:DONOR-NOR"] = 4 + allocations },
    };

    private static string[] Head(JsonElement[] entries, int count) =>
        entries.Take(count).Select(e => $"{Action(e)}:{e.GetProperty("actor").GetProperty("clientId").GetString()}").ToArray();

    private static string Action(JsonElement e) => e.GetProperty("action").GetString()!;

    private static string Actor(JsonElement e) =>
        $"{e.GetProperty("actor").GetProperty("role").GetString()}:{e.GetProperty("actor").GetProperty("party").GetString()}";

    /// <summary>Oldest first, all pages.</summary>
    internal static async Task<JsonElement[]> EntriesAsync(HttpClient http, string service, string query)
    {
        var found = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await http.GetAsync($"/api/{service}/audit?pageSize=100&page={page}&{query}").ShouldBeJson(HttpStatusCode.OK);
            found.AddRange(body.GetProperty("items").EnumerateArray());
            if (found.Count >= body.GetProperty("total").GetInt32())
            {
                break;
            }
        }
        found.Reverse();
        return [.. found];
    }
}
