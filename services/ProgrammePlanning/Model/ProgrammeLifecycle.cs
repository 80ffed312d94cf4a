using System.ComponentModel;
using Programmes.Contracts;

namespace Programmes.ProgrammePlanning.Model;

/// <summary>
/// Every state change of a programme, and the events it publishes. Callers check that the action is
/// allowed (<see cref="CanEditPlan"/> and the transition table) and add the returned events to the outbox.
/// </summary>
public static class ProgrammeLifecycle
{
    public static bool CanEditPlan(this Programme p) =>
        p.Status is ProgrammeStatus.Draft or ProgrammeStatus.Proposed or ProgrammeStatus.Approved;

    public static bool CanReview(this Programme p) => p.Status is ProgrammeStatus.Draft or ProgrammeStatus.Proposed;

    public static bool CanRecordResults(this Programme p) =>
        p.Status is ProgrammeStatus.Approved or ProgrammeStatus.InDelivery or ProgrammeStatus.Completed;

    /// <summary>What still prevents proposing a draft; empty when it may be proposed.</summary>
    public static List<string> MissingForProposal(this Programme p)
    {
        var missing = new List<string>();
        if (p.Activities.Count == 0)
        {
            missing.Add("at least one activity");
        }
        if (p.GenderMarker is null)
        {
            missing.Add("the gender marker");
        }
        if (p.ChildrenConcerned is null)
        {
            missing.Add("the child-rights flag");
        }
        return missing;
    }

    public static List<object> Propose(this Programme p, DateTimeOffset now)
    {
        p.Status = ProgrammeStatus.Proposed;
        p.ProposedAt = now;
        return [Proposed(p, now), Budgeted(p, now)];
    }

    /// <summary>Opens a new clearance round for a programme whose last round raised concerns.</summary>
    public static List<object> Resubmit(this Programme p, DateTimeOffset now)
    {
        p.ConcernsOpen = false;
        p.Cleared = false;
        return [Proposed(p, now)];
    }

    public static List<object> RecordClearance(this Programme p, DateTimeOffset now)
    {
        p.Cleared = true;
        p.ConcernsOpen = false;
        p.ClearanceConcerns = [];
        return p.ApproveIfReady(now);
    }

    public static void RecordConcerns(this Programme p, IEnumerable<string> concerns)
    {
        p.Cleared = false;
        p.ConcernsOpen = true;
        p.ClearanceConcerns = [.. concerns];
    }

    /// <summary>Staff weighed the partners' concerns and judged the programme cleared.</summary>
    public static List<object> AcceptDespiteConcerns(this Programme p, DateTimeOffset now) => p.RecordClearance(now);

    public static List<object> RecordFullFunding(this Programme p, DateTimeOffset now)
    {
        p.FullyFunded = true;
        return p.ApproveIfReady(now);
    }

    public static List<object> RecordFundingGap(this Programme p, string reason, DateTimeOffset now)
    {
        p.FullyFunded = false;
        return p.Status == ProgrammeStatus.Approved ? p.MoveTo(ProgrammeStatus.Proposed, reason, now) : [];
    }

    public static List<object> RecordComplianceReview(this Programme p, ComplianceOutcome outcome, string reviewer, string? notes, DateTimeOffset now)
    {
        p.ComplianceOutcome = outcome;
        p.ComplianceReviewer = reviewer;
        p.ComplianceNotes = notes;
        p.ComplianceReviewedAt = now;
        return p.ApproveIfReady(now);
    }

    /// <summary>
    /// Call after any change to activities. A changed budget is published for funding again, and withdraws
    /// the funded fact: an approved programme goes back to waiting for funding.
    /// </summary>
    public static List<object> PlanChanged(this Programme p, DateTimeOffset now)
    {
        var previous = p.BudgetUsd;
        p.RecomputeBudget();
        p.UpdatedAt = now;
        if (p.Status == ProgrammeStatus.Draft || previous == p.BudgetUsd)
        {
            return [];
        }
        p.FullyFunded = false;
        var events = new List<object> { Budgeted(p, now) };
        if (p.Status == ProgrammeStatus.Approved)
        {
            events.AddRange(p.MoveTo(ProgrammeStatus.Proposed, $"Budget changed from {previous:0.00} to {p.BudgetUsd:0.00} USD; awaiting funding.", now));
        }
        return events;
    }

    /// <summary>The manual steps after approval. Null when <paramref name="action"/> is not allowed now.</summary>
    public static List<object>? Apply(this Programme p, StatusAction action, string? reason, DateTimeOffset now)
    {
        switch (action)
        {
            case StatusAction.StartDelivery when p.Status == ProgrammeStatus.Approved:
                return p.MoveTo(ProgrammeStatus.InDelivery, reason, now);
            case StatusAction.Complete when p.Status == ProgrammeStatus.InDelivery:
                p.CompletedAt = now;
                return p.MoveTo(ProgrammeStatus.Completed, reason, now);
            case StatusAction.Suspend when p.Status is ProgrammeStatus.Proposed or ProgrammeStatus.Approved or ProgrammeStatus.InDelivery:
                p.SuspendedFrom = p.Status;
                return p.MoveTo(ProgrammeStatus.Suspended, reason, now);
            case StatusAction.Resume when p.Status == ProgrammeStatus.Suspended:
                // An approval withdrawn while suspended (a funding gap, concerns) is not restored: back to Proposed, then re-checked.
                var resumeTo = p.SuspendedFrom ?? ProgrammeStatus.Proposed;
                if (resumeTo == ProgrammeStatus.Approved && !p.HasApprovalFacts())
                {
                    resumeTo = ProgrammeStatus.Proposed;
                }
                var events = p.MoveTo(resumeTo, reason, now);
                p.SuspendedFrom = null;
                // Facts that arrived during the suspension count now.
                events.AddRange(p.ApproveIfReady(now));
                return events;
            case StatusAction.Cancel when p.Status is not (ProgrammeStatus.Completed or ProgrammeStatus.Cancelled):
                return p.MoveTo(ProgrammeStatus.Cancelled, reason, now);
            default:
                return null;
        }
    }

    /// <summary>The three facts approval waits for: cleared with no open concerns, fully funded, compliance cleared.</summary>
    public static bool HasApprovalFacts(this Programme p) => p.Cleared && !p.ConcernsOpen && p.FullyFunded && p.ComplianceCleared;

    private static List<object> ApproveIfReady(this Programme p, DateTimeOffset now)
    {
        if (p.Status != ProgrammeStatus.Proposed || !p.HasApprovalFacts())
        {
            return [];
        }
        p.Status = ProgrammeStatus.Approved;
        p.StatusReason = null;
        p.ApprovedAt = now;
        p.FirstApprovedAt ??= now;
        p.UpdatedAt = now;
        return [new ProgrammeApproved(p.Id, [.. p.StateCodes], [.. p.RequestIds], now)];
    }

    private static List<object> MoveTo(this Programme p, ProgrammeStatus status, string? reason, DateTimeOffset now)
    {
        var previous = p.Status;
        p.Status = status;
        p.StatusReason = reason;
        p.UpdatedAt = now;
        return [new ProgrammeStatusChanged(p.Id, [.. p.StateCodes], [.. p.RequestIds], previous.ToString(), status.ToString(), reason, now)];
    }

    private static ProgrammeProposed Proposed(Programme p, DateTimeOffset now) => new(
        p.Id, p.Title, [.. p.StateCodes], [.. p.ThematicAreas], [.. p.RequestIds],
        [.. p.Activities.OrderBy(a => a.PlannedStart).Select(a => new PlannedActivity(
            a.Id, a.StateCode, a.ThematicArea, a.Modality, a.PlannedStart, a.PlannedEnd, a.BudgetUsd))],
        p.BudgetUsd, now);

    private static ProgrammeBudgeted Budgeted(Programme p, DateTimeOffset now) =>
        new(p.Id, [.. p.StateCodes], [.. p.ThematicAreas], [.. p.RequestIds], p.BudgetUsd, now);
}

[Description("A change of a programme's delivery status, by staff.")]
public enum StatusAction
{
    [Description("Approved → InDelivery.")]
    StartDelivery,
    [Description("InDelivery → Completed (final).")]
    Complete,
    [Description("Proposed, Approved or InDelivery → Suspended; reason required.")]
    Suspend,
    [Description("Suspended → the status it was suspended from (Proposed if approval facts changed meanwhile).")]
    Resume,
    [Description("Any status but Completed or Cancelled → Cancelled (final); reason required.")]
    Cancel,
}
