using CsCheck;
using Programmes.Contracts;
using Programmes.ProgrammePlanning.Model;
using Xunit;

namespace Programmes.UnitTests.ProgrammePlanning;

/// <summary>
/// Model-based: random sequences of the programme's transitions, each guarded as its handler or consumer
/// guards it, checked against the invariants after every step. The events each step returns are replayed
/// into a second status, which must agree with the programme's: they are what intake builds the State's
/// timeline from.
/// </summary>
public sealed class ProgrammeLifecycleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private enum Step
    {
        Propose, Clear, Concerns, AcceptConcerns, Resubmit, Fund, Gap, ReviewCleared, ReviewConditions, ReviewRejected,
        AddActivity, ChangeBudget, RemoveActivity, Start, Complete, Suspend, Resume, Cancel,
    }

    private static readonly ProgrammeStatus[] Terminal = [ProgrammeStatus.Completed, ProgrammeStatus.Cancelled];

    [Fact]
    public void Approval_needs_all_three_facts_terminal_states_stay_terminal_and_events_tell_the_status()
    {
        Gen.Select(Gen.Enum<Step>(), Gen.Int[1, 5_000]).Array[0, 40].Sample(steps =>
        {
            var p = NewDraft();
            var replayed = p.Status;
            var now = Start;
            foreach (var (step, amount) in steps)
            {
                now = now.AddMinutes(1);
                var before = p.Status;
                var budgetBefore = p.BudgetUsd;
                var events = Apply(p, step, amount, now);

                if (Terminal.Contains(before))
                {
                    Assert.Equal(before, p.Status);
                    Assert.Empty(events);
                }
                if (p.Status == ProgrammeStatus.Approved && before != ProgrammeStatus.Approved)
                {
                    Assert.True(p.HasApprovalFacts(), $"approved without all three facts after {step} from {before}");
                }
                // Funding and compliance cannot change under an approved programme without taking it out of Approved.
                Assert.True(p.Status != ProgrammeStatus.Approved || (p.FullyFunded && p.ComplianceCleared), $"approved without funding or compliance after {step}");
                // A first approval is announced as such; a resumed one as the status change it is.
                if (events.OfType<ProgrammeApproved>().Any())
                {
                    Assert.Equal(ProgrammeStatus.Approved, p.Status);
                    Assert.Equal(now, p.ApprovedAt);
                }
                // A withdrawn fact (a funding gap, a changed budget) never leaves the programme approved.
                if (step is Step.Gap || (p.BudgetUsd != budgetBefore && before != ProgrammeStatus.Draft))
                {
                    Assert.False(p.FullyFunded);
                    Assert.NotEqual(ProgrammeStatus.Approved, p.Status);
                }
                if (p.BudgetUsd != budgetBefore && before != ProgrammeStatus.Draft)
                {
                    Assert.Equal(p.BudgetUsd, Assert.Single(events.OfType<ProgrammeBudgeted>()).BudgetUsd);
                }
                Assert.Equal(p.Activities.Sum(a => a.BudgetUsd), p.BudgetUsd);
                replayed = Replay(replayed, events);
                Assert.Equal(p.Status, replayed);
            }
        }, iter: Properties.Iterations);
    }

    [Fact]
    public void A_suspended_approved_programme_that_lost_a_fact_resumes_as_proposed_and_is_approved_again_when_the_fact_returns()
    {
        Gen.Select(Gen.Bool, Gen.Bool).Sample((gap, suspendedFromDelivery) =>
        {
            var p = NewDraft();
            p.Propose(Start);
            p.RecordComplianceReview(ComplianceOutcome.Cleared, "reviewer", null, Start);
            p.RecordClearance(Start);
            p.RecordFullFunding(Start);
            Assert.Equal(ProgrammeStatus.Approved, p.Status);
            if (suspendedFromDelivery)
            {
                p.Apply(StatusAction.StartDelivery, null, Start);
            }
            p.Apply(StatusAction.Suspend, "paused", Start);

            Apply(p, gap ? Step.Gap : Step.Concerns, 0, Start);
            Assert.Equal(ProgrammeStatus.Suspended, p.Status);
            var resumed = p.Apply(StatusAction.Resume, null, Start)!;
            Assert.Empty(resumed.OfType<ProgrammeApproved>());
            if (suspendedFromDelivery)
            {
                // Delivery under way is not undone by a late fact; it resumes where it was.
                Assert.Equal(ProgrammeStatus.InDelivery, p.Status);
                return;
            }
            Assert.Equal(ProgrammeStatus.Proposed, p.Status);
            var restored = gap ? p.RecordFullFunding(Start) : p.AcceptDespiteConcerns(Start);
            Assert.Single(restored.OfType<ProgrammeApproved>());
            Assert.Equal(ProgrammeStatus.Approved, p.Status);
        }, iter: Properties.Iterations);
    }

    /// <summary>Each step as its handler or consumer guards it; returns the events it would publish.</summary>
    private static List<object> Apply(Programme p, Step step, int amount, DateTimeOffset now)
    {
        switch (step)
        {
            case Step.Propose when p.Status == ProgrammeStatus.Draft && p.MissingForProposal().Count == 0:
                return p.Propose(now);
            case Step.Clear:
                return p.RecordClearance(now);
            case Step.Concerns:
                // The consumer records concerns whatever the status: a late round's answer can arrive any time.
                p.RecordConcerns(["INTERPOL: overlap"]);
                return [];
            case Step.AcceptConcerns when p.Status == ProgrammeStatus.Proposed && p.ConcernsOpen:
                return p.AcceptDespiteConcerns(now);
            case Step.Resubmit when p.Status == ProgrammeStatus.Proposed && p.ConcernsOpen:
                var resubmitted = p.Resubmit(now);
                Assert.False(p.Cleared || p.ConcernsOpen);
                Assert.Single(resubmitted.OfType<ProgrammeProposed>());
                return resubmitted;
            case Step.Fund when p.Status != ProgrammeStatus.Draft:
                // Funding learns a budget only from a proposal: a draft is never funded.
                return p.RecordFullFunding(now);
            case Step.Gap:
                return p.RecordFundingGap("Funding gap", now);
            case Step.ReviewCleared when p.CanReview():
                return p.RecordComplianceReview(ComplianceOutcome.Cleared, "reviewer", null, now);
            case Step.ReviewConditions when p.CanReview():
                return p.RecordComplianceReview(ComplianceOutcome.ClearedWithConditions, "reviewer", "monitor", now);
            case Step.ReviewRejected when p.CanReview():
                return p.RecordComplianceReview(ComplianceOutcome.NotCleared, "reviewer", "no", now);
            case Step.AddActivity when p.CanEditPlan():
                p.Activities.Add(NewActivity(p, amount));
                return p.PlanChanged(now);
            case Step.ChangeBudget when p.CanEditPlan():
                // The same budget again is no change: funding is not asked again.
                p.Activities[amount % p.Activities.Count].BudgetUsd = amount % 3 == 0 ? p.Activities[amount % p.Activities.Count].BudgetUsd : amount;
                return p.PlanChanged(now);
            case Step.RemoveActivity when p.CanEditPlan() && p.Activities.Count > 1:
                p.Activities.RemoveAt(amount % p.Activities.Count);
                return p.PlanChanged(now);
            case Step.Start:
                return p.Apply(StatusAction.StartDelivery, null, now) ?? [];
            case Step.Complete:
                return p.Apply(StatusAction.Complete, null, now) ?? [];
            case Step.Suspend:
                return p.Apply(StatusAction.Suspend, "paused", now) ?? [];
            case Step.Resume:
                return p.Apply(StatusAction.Resume, null, now) ?? [];
            case Step.Cancel:
                return p.Apply(StatusAction.Cancel, "withdrawn", now) ?? [];
            default:
                return [];
        }
    }

    /// <summary>The status a reader of the events alone (intake's timeline) would believe.</summary>
    private static ProgrammeStatus Replay(ProgrammeStatus status, IEnumerable<object> events)
    {
        foreach (var evt in events)
        {
            switch (evt)
            {
                case ProgrammeProposed when status == ProgrammeStatus.Draft:
                    status = ProgrammeStatus.Proposed;
                    break;
                case ProgrammeProposed:
                    Assert.Equal(ProgrammeStatus.Proposed, status);
                    break;
                case ProgrammeApproved:
                    Assert.Equal(ProgrammeStatus.Proposed, status);
                    status = ProgrammeStatus.Approved;
                    break;
                case ProgrammeStatusChanged changed:
                    Assert.Equal(status.ToString(), changed.PreviousStatus);
                    status = Enum.Parse<ProgrammeStatus>(changed.Status);
                    break;
            }
        }
        return status;
    }

    private static Programme NewDraft()
    {
        var p = new Programme { Id = Guid.NewGuid(), Title = "t", Objectives = "o", GenderMarker = 1, ChildrenConcerned = false, Status = ProgrammeStatus.Draft };
        p.Activities.Add(NewActivity(p, 1000));
        p.RecomputeBudget();
        return p;
    }

    private static Activity NewActivity(Programme p, decimal budget) => new()
    {
        Id = Guid.NewGuid(),
        ProgrammeId = p.Id,
        Title = "a",
        StateCode = "KEN",
        ThematicArea = "legal-frameworks",
        Modality = "workshop",
        BudgetUsd = budget,
    };
}
