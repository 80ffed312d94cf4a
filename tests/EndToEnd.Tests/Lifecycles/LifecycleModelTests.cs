using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsCheck;
using Programmes.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Programmes.EndToEnd.Tests.Lifecycles;

/// <summary>
/// Model-based, over HTTP through the gateway on the whole system: random command sequences on a request
/// (a State's own or a CTED referral) and then on a programme serving an accepted request. No answer is
/// ever a 5xx; the request follows the model exactly; the programme is never approved without all three
/// facts; terminal states stay terminal; the State's timeline shows exactly what the services published.
/// Each case costs dozens of round trips and waits for facts crossing the broker, so it runs
/// <see cref="Cases"/> cases, four at a time. CsCheck prints the seed of a failing case
/// (rerun it with CsCheck_Seed=...).
/// </summary>
public sealed class LifecycleModelTests(TestSystem system, ITestOutputHelper output) : IClassFixture<TestSystem>
{
    private const int Cases = 16;

    /// <summary>How far the cases got: the final statuses of requests and programmes, to see the sequences are not trivial.</summary>
    private readonly ConcurrentDictionary<string, int> _reached = new();

    private static readonly ProgrammeCommand[] Approval = [ProgrammeCommand.Propose, ProgrammeCommand.ReviewCleared, ProgrammeCommand.Concur, ProgrammeCommand.Fund];

    private static readonly ProgrammeCommand[] Delivery = [ProgrammeCommand.StartDelivery, ProgrammeCommand.Deliver, ProgrammeCommand.Complete];

    /// <summary>Any command, a cancellation rarely: it ends everything after it.</summary>
    private static readonly Gen<ProgrammeCommand> AnyCommand = Gen.Select(Gen.Int[0, 19], Gen.Enum<ProgrammeCommand>(),
        (dice, command) => command != ProgrammeCommand.Cancel || dice == 0 ? command : ProgrammeCommand.Suspend);

    /// <summary>
    /// The approval facts in a random order with random other commands between them, and in half the cases
    /// delivery after them: most cases reach approval, many go beyond.
    /// </summary>
    private static readonly Gen<ProgrammeCommand[]> ProgrammeCommands =
        Gen.Select(Gen.Double.Array[Approval.Length], Gen.Select(AnyCommand, Gen.Double).Array[2, 8], Gen.Bool)
            .Select((keys, others, deliver) => Approval.Zip(keys).Concat(others).OrderBy(c => c.Item2).Select(c => c.Item1)
                .Concat(deliver ? Delivery : []).ToArray());

    [Fact]
    public async Task Random_request_and_programme_commands_keep_the_lifecycle_invariants()
    {
        var actors = new Actors(
            await system.ClientAsync(TestClients.StateKenya), await system.ClientAsync(TestClients.Staff), await system.ClientAsync(TestClients.Cted),
            await system.ClientAsync(TestClients.Interpol), await system.ClientAsync(TestClients.DonorNorway));
        var donor = await actors.Staff.PostWithKeyAsync("/api/funding/donors", new { code = "DONOR-NOR", name = "Norway", kind = "MemberState", stateCode = "NOR" });
        Assert.True(donor.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"the donor: {(int)donor.StatusCode}");

        var clock = Stopwatch.StartNew();
        await Gen.Select(Gen.Bool, Gen.Enum<RequestCommand>().Array[0, 7], ProgrammeCommands)
            .SampleAsync((referral, requestCommands, programmeCommands) => RunCaseAsync(actors, referral, requestCommands, programmeCommands),
                iter: Cases, threads: 4, writeLine: output.WriteLine);
        output.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:0.0} s; final states: "
            + string.Join(", ", _reached.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}")));
    }

    private async Task RunCaseAsync(Actors actors, bool referral, RequestCommand[] requestCommands, ProgrammeCommand[] programmeCommands)
    {
        var request = new RequestModel(actors.State, actors.Staff, actors.Cted);
        await request.StartAsync(referral);
        foreach (var command in requestCommands)
        {
            await request.RunAsync(command);
        }
        await request.CheckAsync();
        _reached.AddOrUpdate($"request {request.Status}", 1, (_, n) => n + 1);

        // The programme serves this request if it was accepted, else a fresh one accepted for it.
        var servedRequest = request;
        if (request.Status != "Accepted")
        {
            servedRequest = new RequestModel(actors.State, actors.Staff, actors.Cted);
            await servedRequest.StartAsync(referral: false);
            await servedRequest.RunAsync(RequestCommand.Accept);
        }
        await Eventually.TrueAsync(async () =>
            (await actors.Staff.GetItemsAsync($"/api/planning/intake-items?requestId={servedRequest.Id}")) is [var item]
            && item.GetProperty("acceptedAt").ValueKind == JsonValueKind.String, what: "the accepted request in planning");

        var programme = new ProgrammeModel(actors);
        await programme.DraftAsync(servedRequest.Id);
        foreach (var command in programmeCommands)
        {
            await programme.RunAsync(command);
        }

        // Every event the services published about the programme reaches the State's timeline, and nothing else
        // does; planning's events alone tell the status the programme is in. Facts may still be crossing the broker.
        string[] expected = [], shown = [];
        string status = "", replayed = "";
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                status = (await programme.ReadAsync()).GetProperty("status").GetString()!;
                var published = await ProgrammeHistory.EventsAsync(system, programme.Id);
                replayed = ProgrammeHistory.Replay(published);
                expected = [.. published.Select(ProgrammeHistory.TimelineKind).OfType<string>().Order(StringComparer.Ordinal)];
                var timeline = await actors.State.GetAsync($"/api/intake/requests/{servedRequest.Id}").ShouldBeJson(HttpStatusCode.OK);
                shown = [.. timeline.GetProperty("timeline").EnumerateArray()
                    .Where(e => e.TryGetProperty("programmeId", out var id) && id.ValueKind == JsonValueKind.String && id.GetGuid() == programme.Id)
                    .Select(e => e.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal)];
                return expected.SequenceEqual(shown) && replayed == status;
            }, TimeSpan.FromSeconds(30), "the programme's events on the State's timeline");
        }
        catch (TimeoutException timeout)
        {
            Assert.Fail($"status {status}, replayed {replayed}; timeline [{string.Join(", ", shown)}], published [{string.Join(", ", expected)}]; {timeout.InnerException?.Message}");
        }
        await servedRequest.CheckAsync();
        _reached.AddOrUpdate($"programme {status}{(expected.Contains("ProgrammeApproved") ? " (approved once)" : "")}", 1, (_, n) => n + 1);
        Assert.True(programme.Violations.Count == 0, string.Join("; ", programme.Violations));
    }
}
