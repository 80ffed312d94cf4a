namespace Programmes.Contracts.Webhooks;

// What partner entities receive as signed webhooks (Standard Webhooks: webhook-id, webhook-timestamp and
// webhook-signature headers; a body of { type, timestamp, data }). A smaller, outward set than the events the
// services exchange: partner coordination sends them to the endpoints partners register.

/// <summary>A webhook type, the record its <c>data</c> carries, and what it means to the partner.</summary>
public sealed record WebhookEvent(string Type, Type Data, string Summary);

public static class WebhookEvents
{
    public const string RoundOpened = "clearance.round.opened";
    public const string RoundClosed = "clearance.round.closed";
    public const string JointInitiativeRecorded = "joint-initiative.recorded";

    public static IReadOnlyList<WebhookEvent> All { get; } =
    [
        new(RoundOpened, typeof(ClearanceRoundOpened), "A clearance round addressed to the partner opened: answer at answerAt before the deadline."),
        new(RoundClosed, typeof(ClearanceRoundClosed), "A clearance round the partner was asked in closed, with its outcome."),
        new(JointInitiativeRecorded, typeof(Contracts.JointInitiativeRecorded), "The partner was recorded in a joint initiative on a programme."),
    ];
}

public sealed record ClearanceRoundOpened(
    Guid RoundId,
    Guid ProgrammeId,
    string Title,
    IReadOnlyList<string> StateCodes,
    IReadOnlyList<string> ThematicAreas,
    DateTimeOffset Deadline,
    string AnswerAt);

public sealed record ClearanceRoundClosed(
    Guid RoundId,
    Guid ProgrammeId,
    string Outcome,
    DateTimeOffset ClosedAt);
