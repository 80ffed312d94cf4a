using Programmes.Contracts;
using Programmes.ServiceDefaults;

namespace Programmes.RequestIntake.Model;

/// <summary>The steps a client can ask for on an existing request.</summary>
public enum RequestAction
{
    Endorse,
    DeclineReferral,
    Accept,
    Decline,
    RequestInformation,
    AnswerQuestions,
}

/// <summary>What one step publishes and what it shows the State; the caller adds both in the step's transaction.</summary>
public sealed record RequestChange(IReadOnlyList<object> Events, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>
/// Every state change of a request, with the events it publishes and the entries it adds to the State's
/// timeline. Pure: no database, no clock. A step the current status does not allow (<see cref="Allows"/>,
/// the one transition table) changes nothing and returns null.
/// </summary>
public static class RequestLifecycle
{
    public static bool Allows(this AssistanceRequest r, RequestAction action) => action switch
    {
        // Only a referral waits for the State; a request without a referral id never did.
        RequestAction.Endorse or RequestAction.DeclineReferral => r.Status == RequestStatus.AwaitingStateEndorsement && r.ReferralId is not null,
        RequestAction.Accept or RequestAction.RequestInformation => r.Status == RequestStatus.Submitted,
        RequestAction.Decline => r.Status is RequestStatus.Submitted or RequestStatus.InformationRequested,
        RequestAction.AnswerQuestions => r.Status == RequestStatus.InformationRequested,
        _ => false,
    };

    /// <summary>The action as the 409 answer names it: "Cannot {action} while the status is …".</summary>
    public static string Describe(this RequestAction action) => action switch
    {
        RequestAction.Endorse => "endorse the referral",
        RequestAction.DeclineReferral => "decline the referral",
        RequestAction.Accept => "accept the request",
        RequestAction.Decline => "decline the request",
        RequestAction.RequestInformation => "request more information",
        RequestAction.AnswerQuestions => "answer questions",
        _ => action.ToString(),
    };

    /// <summary>A new referral from CTED: nothing happens until the State endorses it.</summary>
    public static RequestChange Refer(this AssistanceRequest r, DateTimeOffset now)
    {
        r.Status = RequestStatus.AwaitingStateEndorsement;
        r.SubmittedAt = now;
        r.UpdatedAt = now;
        return new([], [TimelineEntry.For(r, now, TimelineKind.ReferralReceived, ReferralConsent.ReachesState(r.StateConsented)
            ? $"CTED referred needs identified in assessment {r.AssessmentReference}; awaiting the State's endorsement."
            : $"CTED referred needs identified in assessment {r.AssessmentReference} without the State's consent; held for staff, not shown to the State.")]);
    }

    /// <summary>A State's new request enters screening.</summary>
    public static RequestChange Submit(this AssistanceRequest r, IReadOnlyList<Guid> possibleDuplicates, DateTimeOffset now) =>
        r.EnterScreening(possibleDuplicates, now);

    /// <summary>The State makes a referral its own request; it then enters screening like any other.</summary>
    public static RequestChange? Endorse(this AssistanceRequest r, RequestContact contact, IReadOnlyList<Guid> possibleDuplicates, DateTimeOffset now)
    {
        if (!r.Allows(RequestAction.Endorse))
        {
            return null;
        }
        r.RequestingAuthority = contact.RequestingAuthority.Trim();
        r.ContactPerson = contact.ContactPerson;
        r.ContactEmail = contact.ContactEmail;
        r.ContactPhone = contact.ContactPhone;
        var endorsed = TimelineEntry.For(r, now, TimelineKind.Endorsed, "The State endorsed CTED's referral as its own request.");
        var screening = r.EnterScreening(possibleDuplicates, now);
        return new([new CtedReferralEndorsed(r.Id, r.ReferralId!.Value, r.StateCode, now), .. screening.Events], [endorsed, .. screening.Timeline]);
    }

    public static RequestChange? DeclineReferral(this AssistanceRequest r, string? comment, DateTimeOffset now)
    {
        if (!r.Allows(RequestAction.DeclineReferral))
        {
            return null;
        }
        r.Status = RequestStatus.DeclinedByState;
        r.DeclineText = comment;
        r.UpdatedAt = now;
        return new([new CtedReferralDeclinedByState(r.Id, r.ReferralId!.Value, r.StateCode, now)],
            [TimelineEntry.For(r, now, TimelineKind.DeclinedByState, "The State declined CTED's referral.")]);
    }

    public static RequestChange? Accept(this AssistanceRequest r, DateTimeOffset now)
    {
        if (!r.Allows(RequestAction.Accept))
        {
            return null;
        }
        r.Status = RequestStatus.Accepted;
        r.UpdatedAt = now;
        return new([new AssistanceRequestAccepted(r.Id, r.StateCode, r.ThematicAreas, r.Instruments, now)],
            [TimelineEntry.For(r, now, TimelineKind.Accepted, "Accepted by UNODC; a programme will be planned.")]);
    }

    public static RequestChange? Decline(this AssistanceRequest r, DeclineReason reason, string? text, DateTimeOffset now)
    {
        if (!r.Allows(RequestAction.Decline))
        {
            return null;
        }
        r.Status = RequestStatus.Declined;
        r.DeclineReason = reason;
        r.DeclineText = text;
        r.OpenQuestions = [];
        r.UpdatedAt = now;
        return new([new AssistanceRequestDeclined(r.Id, r.StateCode, reason.ToString(), text, now)],
            [TimelineEntry.For(r, now, TimelineKind.Declined, $"Declined: {reason}{(text is null ? "" : $" ({text})")}.")]);
    }

    public static RequestChange? RequestInformation(this AssistanceRequest r, IReadOnlyList<string> questions, DateTimeOffset now)
    {
        if (!r.Allows(RequestAction.RequestInformation))
        {
            return null;
        }
        r.Status = RequestStatus.InformationRequested;
        r.OpenQuestions = [.. questions];
        r.UpdatedAt = now;
        return new([new AssistanceRequestInformationRequested(r.Id, r.StateCode, [.. questions], now)],
            [TimelineEntry.For(r, now, TimelineKind.InformationRequested, $"UNODC asked {questions.Count} question(s).")]);
    }

    /// <summary>The State answers staff's questions; the request returns to screening.</summary>
    public static RequestChange? AnswerQuestions(this AssistanceRequest r, string answer, DateTimeOffset now)
    {
        if (!r.Allows(RequestAction.AnswerQuestions))
        {
            return null;
        }
        r.Status = RequestStatus.Submitted;
        r.LastAnswer = answer;
        r.OpenQuestions = [];
        r.UpdatedAt = now;
        return new([new AssistanceRequestInformationProvided(r.Id, r.StateCode, now)],
            [TimelineEntry.For(r, now, TimelineKind.InformationProvided, "The State answered; the request is back in screening.")]);
    }

    /// <summary>The request becomes the State's and waits for screening; planning hears of it.</summary>
    private static RequestChange EnterScreening(this AssistanceRequest r, IReadOnlyList<Guid> possibleDuplicates, DateTimeOffset now)
    {
        r.Status = RequestStatus.Submitted;
        r.PossibleDuplicateOf = [.. possibleDuplicates];
        r.SubmittedAt = now;
        r.UpdatedAt = now;
        var duplicates = possibleDuplicates.Count == 0 ? "" : $" Possible duplicate of {possibleDuplicates.Count} open request(s).";
        return new(
            [new AssistanceRequestSubmitted(r.Id, r.StateCode, r.RequestingAuthority ?? "", r.ThematicAreas, r.Instruments,
                r.PreferredModalities, r.DesiredStart, r.DesiredEnd, r.Origin, now)],
            [TimelineEntry.For(r, now, TimelineKind.Submitted, $"Submitted for screening.{duplicates}")]);
    }
}

/// <summary>Who speaks for the State on a request.</summary>
public sealed record RequestContact(string RequestingAuthority, string? ContactPerson, string? ContactEmail, string? ContactPhone);
