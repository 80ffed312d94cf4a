using CsCheck;
using Programmes.Contracts;
using Programmes.RequestIntake.Model;
using Xunit;

namespace Programmes.UnitTests.RequestIntake;

/// <summary>
/// Model-based: random command sequences on a request (a State's own, or a CTED referral), checked step by
/// step against a model of the transition table written out here independently of the lifecycle's own.
/// </summary>
public sealed class RequestLifecycleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private abstract record Command;
    private sealed record Endorse(string Authority) : Command;
    private sealed record DeclineReferral(string? Comment) : Command;
    private sealed record Accept : Command;
    private sealed record Decline(DeclineReason Reason, string? Text) : Command;
    private sealed record Ask(string[] Questions) : Command;
    private sealed record Answer(string Text) : Command;

    private static readonly Gen<string> Text = Gen.String[Gen.Char.AlphaNumeric, 1, 30];

    private static readonly Gen<Command> AnyCommand = Gen.OneOf<Command>(
        Text.Select(a => (Command)new Endorse(a)),
        Text.Null().Select(c => (Command)new DeclineReferral(c)),
        Gen.Const<Command>(new Accept()),
        Gen.Select(Gen.Enum<DeclineReason>(), Text.Null(), (r, t) => (Command)new Decline(r, t)),
        Text.Array[1, 5].Select(q => (Command)new Ask(q)),
        Text.Select(a => (Command)new Answer(a)));

    /// <summary>The model: where a command leads from a status, and the events and timeline kinds it records; null when refused.</summary>
    private static (RequestStatus Next, string[] Events, string[] Timeline)? Expected(RequestStatus status, Command command) => (status, command) switch
    {
        (RequestStatus.AwaitingStateEndorsement, Endorse) =>
            (RequestStatus.Submitted, ["CtedReferralEndorsed", "AssistanceRequestSubmitted"], ["Endorsed", "Submitted"]),
        (RequestStatus.AwaitingStateEndorsement, DeclineReferral) => (RequestStatus.DeclinedByState, ["CtedReferralDeclinedByState"], ["DeclinedByState"]),
        (RequestStatus.Submitted, Accept) => (RequestStatus.Accepted, ["AssistanceRequestAccepted"], ["Accepted"]),
        (RequestStatus.Submitted or RequestStatus.InformationRequested, Decline) => (RequestStatus.Declined, ["AssistanceRequestDeclined"], ["Declined"]),
        (RequestStatus.Submitted, Ask) => (RequestStatus.InformationRequested, ["AssistanceRequestInformationRequested"], ["InformationRequested"]),
        (RequestStatus.InformationRequested, Answer) => (RequestStatus.Submitted, ["AssistanceRequestInformationProvided"], ["InformationProvided"]),
        _ => null,
    };

    private static readonly RequestStatus[] Terminal = [RequestStatus.Accepted, RequestStatus.Declined, RequestStatus.DeclinedByState];

    [Fact]
    public void Random_command_sequences_follow_the_model_and_record_what_happened()
    {
        Gen.Select(Gen.Bool, AnyCommand.Array[0, 25]).Sample((referral, commands) =>
        {
            var now = Start;
            var request = NewRequest(referral);
            var first = referral ? request.Refer(now) : request.Submit([], now);
            var timeline = first.Timeline.Select(e => e.Kind).ToList();
            var expectedTimeline = new List<string> { referral ? "ReferralReceived" : "Submitted" };
            Assert.Equal(referral ? [] : ["AssistanceRequestSubmitted"], first.Events.Select(Name));

            foreach (var command in commands)
            {
                now = now.AddMinutes(1);
                var before = request.Status;
                var expected = Expected(before, command);
                var snapshot = Snapshot(request);
                var change = Run(request, command, now);

                if (expected is not { } step)
                {
                    Assert.Null(change);
                    Assert.Equal(snapshot, Snapshot(request));
                    continue;
                }
                Assert.DoesNotContain(before, Terminal);
                Assert.NotNull(change);
                Assert.Equal(step.Next, request.Status);
                Assert.Equal(step.Events, change.Events.Select(Name));
                Assert.Equal(step.Timeline, change.Timeline.Select(e => e.Kind));
                Assert.All(change.Events, e => Assert.Equal(request.Id, (Guid)e.GetType().GetProperty("RequestId")!.GetValue(e)!));
                Assert.All(change.Timeline, e => Assert.True(e.RequestId == request.Id && e.At == now && e.ProgrammeId is null));
                Assert.Equal(now, request.UpdatedAt);
                CheckPayload(request, command, change);
                timeline.AddRange(change.Timeline.Select(e => e.Kind));
                expectedTimeline.AddRange(step.Timeline);
            }

            Assert.Equal(expectedTimeline, timeline);
            Assert.Equal(request.Status == RequestStatus.InformationRequested, request.OpenQuestions.Count > 0);
            Assert.Equal(request.Status == RequestStatus.Declined, request.DeclineReason is not null);
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void The_transition_table_refuses_every_step_from_a_terminal_status()
    {
        Gen.Select(Gen.Enum<RequestStatus>(), Gen.Enum<RequestAction>(), Gen.Bool).Sample((status, action, referral) =>
        {
            var request = NewRequest(referral);
            request.Status = status;
            var allowed = request.Allows(action);
            Assert.False(allowed && Terminal.Contains(status), $"{action} allowed from {status}");
            // A request that never was a referral cannot be endorsed or declined as one, whatever its status says.
            Assert.False(allowed && !referral && action is RequestAction.Endorse or RequestAction.DeclineReferral);
        }, iter: Properties.Iterations);
    }

    private static RequestChange? Run(AssistanceRequest r, Command command, DateTimeOffset now) => command switch
    {
        Endorse e => r.Endorse(new RequestContact($" {e.Authority} ", null, null, null), [], now),
        DeclineReferral d => r.DeclineReferral(d.Comment, now),
        Accept => r.Accept(now),
        Decline d => r.Decline(d.Reason, d.Text, now),
        Ask a => r.RequestInformation(a.Questions, now),
        Answer a => r.AnswerQuestions(a.Text, now),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    /// <summary>What each step promises beyond its status: the facts it carries reach the request and its events.</summary>
    private static void CheckPayload(AssistanceRequest r, Command command, RequestChange change)
    {
        switch (command)
        {
            case Endorse e:
                Assert.Equal(e.Authority, r.RequestingAuthority);
                Assert.Equal(r.ReferralId, Assert.IsType<CtedReferralEndorsed>(change.Events[0]).ReferralId);
                Assert.Equal(e.Authority, Assert.IsType<AssistanceRequestSubmitted>(change.Events[1]).RequestingAuthority);
                break;
            case DeclineReferral d:
                Assert.Equal(d.Comment, r.DeclineText);
                break;
            case Decline d:
                Assert.Equal(d.Reason, r.DeclineReason);
                Assert.Equal(d.Reason.ToString(), Assert.IsType<AssistanceRequestDeclined>(change.Events[0]).Reason);
                Assert.Empty(r.OpenQuestions);
                break;
            case Ask a:
                Assert.Equal(a.Questions, r.OpenQuestions);
                Assert.Equal(a.Questions, Assert.IsType<AssistanceRequestInformationRequested>(change.Events[0]).Questions);
                Assert.Contains($"{a.Questions.Length} question(s)", change.Timeline[0].Description, StringComparison.Ordinal);
                break;
            case Answer a:
                Assert.Equal(a.Text, r.LastAnswer);
                Assert.Empty(r.OpenQuestions);
                break;
        }
    }

    private static string Name(object evt) => evt.GetType().Name;

    private static string Snapshot(AssistanceRequest r) =>
        $"{r.Status}|{r.UpdatedAt:O}|{r.DeclineReason}|{r.DeclineText}|{string.Join(",", r.OpenQuestions)}|{r.LastAnswer}|{r.RequestingAuthority}";

    private static AssistanceRequest NewRequest(bool referral) => new()
    {
        Id = Guid.NewGuid(),
        StateCode = "KEN",
        Origin = referral ? RequestOrigin.CtedReferral : RequestOrigin.MemberState,
        RequestingAuthority = referral ? null : "Office of the Attorney General",
        ThematicAreas = ["LEGAL-FRAMEWORKS"],
        Needs = "needs",
        ReferralId = referral ? Guid.NewGuid() : null,
        AssessmentReference = referral ? "CTED/2026/1" : null,
    };
}
