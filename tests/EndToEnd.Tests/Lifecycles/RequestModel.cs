using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programmes.Testing;
using Xunit;

namespace Programmes.EndToEnd.Tests.Lifecycles;

public enum RequestCommand { Accept, Decline, Ask, Answer, Endorse, DeclineReferral }

/// <summary>
/// A request driven over HTTP through the gateway, beside a model of what each command must do: the
/// status it leads to and the entries it adds to the State's timeline, or a 409 when refused.
/// </summary>
public sealed class RequestModel(HttpClient state, HttpClient staff, HttpClient cted)
{
    public Guid Id { get; private set; }
    public string Status { get; private set; } = "";
    public bool IsReferral { get; private set; }

    /// <summary>The timeline the State must see: one group of entry kinds per step (a step's entries share their time).</summary>
    public List<string[]> Timeline { get; } = [];

    public async Task StartAsync(bool referral)
    {
        IsReferral = referral;
        var created = referral
            ? await cted.PostAsJsonAsync("/api/intake/referrals", new
            {
                stateCode = "KEN",
                thematicAreas = new[] { "RATIFICATION" },
                instruments = Array.Empty<string>(),
                recommendation = "Support ratification of the remaining instruments.",
                assessmentReference = "CTED/KEN/2026",
                assessmentDate = "2026-10-01",
                stateConsented = true,
            }).ShouldBeJson(HttpStatusCode.Created)
            : await state.PostAsJsonAsync("/api/intake/requests", new
            {
                stateCode = "KEN",
                requestingAuthority = "Office of the Attorney General",
                thematicAreas = new[] { "RATIFICATION" },
                needs = "Assistance to ratify the remaining instruments.",
            }).ShouldBeJson(HttpStatusCode.Created);
        Id = created.GetProperty("id").GetGuid();
        Status = referral ? "AwaitingStateEndorsement" : "Submitted";
        Timeline.Add([referral ? "ReferralReceived" : "Submitted"]);
        Assert.Equal(Status, created.GetProperty("status").GetString());
    }

    /// <summary>The model's answer: where the command leads and the timeline entries it adds; null when it must be refused.</summary>
    public (string Next, string[] Entries)? Expected(RequestCommand command) => (Status, command) switch
    {
        ("AwaitingStateEndorsement", RequestCommand.Endorse) => ("Submitted", ["Endorsed", "Submitted"]),
        ("AwaitingStateEndorsement", RequestCommand.DeclineReferral) => ("DeclinedByState", ["DeclinedByState"]),
        ("Submitted", RequestCommand.Accept) => ("Accepted", ["Accepted"]),
        ("Submitted" or "InformationRequested", RequestCommand.Decline) => ("Declined", ["Declined"]),
        ("Submitted", RequestCommand.Ask) => ("InformationRequested", ["InformationRequested"]),
        ("InformationRequested", RequestCommand.Answer) => ("Submitted", ["InformationProvided"]),
        _ => null,
    };

    public async Task RunAsync(RequestCommand command)
    {
        var expected = Expected(command);
        var response = await Send(command);
        var body = await response.Content.ReadAsStringAsync();
        var code = (int)response.StatusCode;
        Assert.True(code < 500, $"{command} from {Status}: {code} {body}");
        if (expected is not { } step)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{command} from {Status} must be refused, got {code} {body}");
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(Status, problem.GetProperty("currentState").GetString());
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{command} from {Status} must succeed, got {code} {body}");
        Assert.Equal(step.Next, JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        Status = step.Next;
        Timeline.Add(step.Entries);
    }

    /// <summary>The State reads its request: the status and intake's own timeline entries are the model's.</summary>
    public async Task CheckAsync()
    {
        var request = await state.GetAsync($"/api/intake/requests/{Id}").ShouldBeJson(HttpStatusCode.OK);
        Assert.Equal(Status, request.GetProperty("status").GetString());
        // Entries written by one step share their time; their order within it is not part of the contract.
        var groups = request.GetProperty("timeline").EnumerateArray()
            .Where(e => !e.TryGetProperty("programmeId", out var programme) || programme.ValueKind == JsonValueKind.Null)
            .GroupBy(e => e.GetProperty("at").GetDateTimeOffset())
            .Select(g => string.Join(",", g.Select(e => e.GetProperty("kind").GetString()).Order(StringComparer.Ordinal)))
            .ToArray();
        Assert.Equal(Timeline.Select(g => string.Join(",", g.Order(StringComparer.Ordinal))).ToArray(), groups);
    }

    private Task<HttpResponseMessage> Send(RequestCommand command) => command switch
    {
        RequestCommand.Accept => staff.PostAsync($"/api/intake/requests/{Id}/accept", null),
        RequestCommand.Decline => staff.PostAsJsonAsync($"/api/intake/requests/{Id}/decline", new { reason = "Duplicate" }),
        RequestCommand.Ask => staff.PostAsJsonAsync($"/api/intake/requests/{Id}/information-request", new { questions = new[] { "Which ministry leads?" } }),
        RequestCommand.Answer => state.PostAsJsonAsync($"/api/intake/requests/{Id}/answers", new { answer = "The Ministry of Justice leads." }),
        RequestCommand.Endorse => state.PostAsJsonAsync($"/api/intake/requests/{Id}/endorse", new { requestingAuthority = "Ministry of Justice" }),
        _ => state.PostAsJsonAsync($"/api/intake/requests/{Id}/decline-referral", new { comment = (string?)null }),
    };
}
