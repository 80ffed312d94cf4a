using System.ComponentModel;

namespace Programmes.RequestIntake.Model;

/// <summary>What a timeline entry records; stored by name.</summary>
[Description("What happened at this point of the request's life.")]
public enum TimelineKind
{
    [Description("The State submitted the request.")]
    Submitted,
    [Description("CTED referred a need; the request waits for the State's endorsement.")]
    ReferralReceived,
    [Description("The State endorsed CTED's referral as its own request.")]
    Endorsed,
    [Description("The State declined CTED's referral.")]
    DeclinedByState,
    [Description("UNODC accepted the request; a programme will be planned.")]
    Accepted,
    [Description("UNODC declined the request (the description gives the reason).")]
    Declined,
    [Description("UNODC asked the State questions.")]
    InformationRequested,
    [Description("The State answered UNODC's questions.")]
    InformationProvided,
    [Description("A programme answering the request was proposed (again, after its budget changed or a suspension was lifted).")]
    ProgrammeProposed,
    [Description("The programme was cleared with CTED and the partners concerned.")]
    ProgrammeCleared,
    [Description("The programme is fully funded.")]
    ProgrammeFullyFunded,
    [Description("The programme was approved (also after a suspension is lifted).")]
    ProgrammeApproved,
    [Description("An activity of the programme was delivered.")]
    ActivityDelivered,
    [Description("The programme's delivery started.")]
    ProgrammeInDelivery,
    [Description("The programme was completed.")]
    ProgrammeCompleted,
    [Description("The programme was suspended.")]
    ProgrammeSuspended,
    [Description("The programme was cancelled.")]
    ProgrammeCancelled,
    [Description("The programme went back to draft.")]
    ProgrammeDraft,
}
