using CsCheck;
using Programmes.ProgrammePlanning.Programmes;
using Xunit;

namespace Programmes.UnitTests.ProgrammePlanning;

/// <summary>Model-based: random sequences of the programme's transitions, checked against its invariants after every step.</summary>
public sealed class ProgrammeLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private enum Step { Propose, Clear, Concerns, AcceptConcerns, Fund, Gap, ReviewCleared, ReviewRejected, Start, Complete, Suspend, Resume, Cancel }

    [Fact]
    public void Approval_needs_all_three_facts_and_terminal_states_stay_terminal()
    {
        Gen.Enum<Step>().Array[0, 30].Sample(steps =>
        {
            var p = NewDraft();
            foreach (var step in steps)
            {
                var before = p.Status;
                var wasApproved = before == ProgrammeStatus.Approved;
                Apply(p, step);
                if (before is ProgrammeStatus.Completed or ProgrammeStatus.Cancelled)
                {
                    Assert.Equal(before, p.Status);
                }
                if (p.Status == ProgrammeStatus.Approved && !wasApproved)
                {
                    Assert.True(p.HasApprovalFacts(), $"approved without all three facts after {step}");
                }
            }
        }, iter: Properties.Iterations);
    }

    private static void Apply(Programme p, Step step)
    {
        switch (step)
        {
            case Step.Propose when p.Status == ProgrammeStatus.Draft && p.MissingForProposal().Count == 0:
                p.Propose(Now);
                break;
            case Step.Clear when p.Status == ProgrammeStatus.Proposed:
                p.RecordClearance(Now);
                break;
            case Step.Concerns when p.Status == ProgrammeStatus.Proposed:
                p.RecordConcerns(["overlap"]);
                break;
            case Step.AcceptConcerns when p.ConcernsOpen:
                p.AcceptDespiteConcerns(Now);
                break;
            case Step.Fund:
                p.RecordFullFunding(Now);
                break;
            case Step.Gap:
                p.RecordFundingGap("budget changed", Now);
                break;
            case Step.ReviewCleared when p.CanReview():
                p.RecordComplianceReview(ComplianceOutcome.Cleared, "reviewer", null, Now);
                break;
            case Step.ReviewRejected when p.CanReview():
                p.RecordComplianceReview(ComplianceOutcome.NotCleared, "reviewer", "no", Now);
                break;
            case Step.Start:
                p.Apply(StatusAction.StartDelivery, null, Now);
                break;
            case Step.Complete:
                p.Apply(StatusAction.Complete, null, Now);
                break;
            case Step.Suspend:
                p.Apply(StatusAction.Suspend, "paused", Now);
                break;
            case Step.Resume:
                p.Apply(StatusAction.Resume, null, Now);
                break;
            case Step.Cancel:
                p.Apply(StatusAction.Cancel, "withdrawn", Now);
                break;
        }
    }

    private static Programme NewDraft()
    {
        var p = new Programme { Id = Guid.NewGuid(), Title = "t", Objectives = "o", GenderMarker = 1, ChildrenConcerned = false, Status = ProgrammeStatus.Draft };
        p.Activities.Add(new Activity { Id = Guid.NewGuid(), ProgrammeId = p.Id, Title = "a", StateCode = "KEN", ThematicArea = "legal-frameworks", Modality = "workshop", BudgetUsd = 1000m });
        p.RecomputeBudget();
        return p;
    }
}
