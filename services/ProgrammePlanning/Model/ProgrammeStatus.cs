using System.ComponentModel;
namespace Programmes.ProgrammePlanning.Model;

[Description("Where a programme stands.")]
public enum ProgrammeStatus
{
    [Description("Being planned by staff: activities, markers and the compliance review may change.")]
    Draft,
    [Description("Proposed (ProgrammeProposed): in clearance with the partners and waiting for funding; approved automatically once cleared, reviewed Cleared and fully funded.")]
    Proposed,
    [Description("Approved (ProgrammeApproved): delivery may start.")]
    Approved,
    [Description("Activities are being delivered and results recorded.")]
    InDelivery,
    [Description("Delivered. Final.")]
    Completed,
    [Description("Suspended by staff; resume returns it to where it was.")]
    Suspended,
    [Description("Cancelled by staff. Final.")]
    Cancelled,
}

[Description("Whether a programme serves one State or several.")]
public enum ProgrammeScope
{
    [Description("One State.")]
    National,
    [Description("Several States.")]
    Regional,
}

/// <summary>Outcome of the human-rights compliance review (operative paragraph 6).</summary>
[Description("Outcome of the human-rights compliance review (operative paragraph 6).")]
public enum ComplianceOutcome
{
    [Description("No conditions: counts towards automatic approval.")]
    Cleared,
    [Description("Cleared with conditions (in the review's text): approval waits for a Cleared review.")]
    ClearedWithConditions,
    [Description("Not cleared: the programme cannot be approved.")]
    NotCleared,
}
