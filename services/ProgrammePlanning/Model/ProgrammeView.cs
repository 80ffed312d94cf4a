namespace Programmes.ProgrammePlanning.Model;

public sealed record ParticipantsView(int Women, int Men, int Other);

public sealed record BudgetView(decimal Experts, decimal Travel, decimal Venue, decimal Translation, decimal Other, decimal Total);

public sealed record DeliveryView(
    DateOnly ActualStart, DateOnly ActualEnd, ParticipantsView Participants, IReadOnlyDictionary<string, int> ParticipantsByInstitution,
    decimal? EvaluationScore, decimal SpentUsd, IReadOnlyDictionary<string, decimal> Disbursements, DateTimeOffset DeliveredAt);

public sealed record ActivityView(
    Guid Id, string Title, string Modality, string ThematicArea, DateOnly PlannedStart, DateOnly PlannedEnd,
    string? StateCode, string? City, bool Online, ParticipantsView PlannedParticipants, IReadOnlyList<string> TargetInstitutions,
    BudgetView Budget, DeliveryView? Delivery);

public sealed record ComplianceReviewView(ComplianceOutcome Outcome, string Reviewer, string? Notes, DateTimeOffset ReviewedAt);

public sealed record ApprovalView(bool PartnerClearance, bool ConcernsOpen, IReadOnlyList<string> ClearanceConcerns, bool FullyFunded, bool ComplianceCleared);

public sealed record ProgrammeView(
    Guid Id, string Title, string Objectives, ProgrammeScope Scope, ProgrammeStatus Status, string? StatusReason,
    IReadOnlyList<string> StateCodes, IReadOnlyList<string> ThematicAreas, IReadOnlyList<string> Instruments, IReadOnlyList<Guid> RequestIds,
    decimal BudgetUsd, ApprovalView Approval, ComplianceReviewView? ComplianceReview, int? GenderMarker, bool? ChildrenConcerned,
    string? ChildSafeguards, IReadOnlyList<string> JointPartners, IReadOnlyList<ActivityView> Activities,
    DateTimeOffset CreatedAt, DateTimeOffset? ProposedAt, DateTimeOffset? ApprovedAt)
{
    public static ProgrammeView Of(Programme p) => new(
        p.Id, p.Title, p.Objectives, p.Scope, p.Status, p.StatusReason, p.StateCodes, p.ThematicAreas, p.Instruments, p.RequestIds,
        p.BudgetUsd,
        new ApprovalView(p.Cleared, p.ConcernsOpen, p.ClearanceConcerns, p.FullyFunded, p.ComplianceCleared),
        p.ComplianceOutcome is { } outcome ? new ComplianceReviewView(outcome, p.ComplianceReviewer!, p.ComplianceNotes, p.ComplianceReviewedAt!.Value) : null,
        p.GenderMarker, p.ChildrenConcerned, p.ChildSafeguards, p.JointPartners,
        [.. p.Activities.OrderBy(a => a.PlannedStart).ThenBy(a => a.Id).Select(Of)],
        p.CreatedAt, p.ProposedAt, p.ApprovedAt);

    private static ActivityView Of(Activity a) => new(
        a.Id, a.Title, a.Modality, a.ThematicArea, a.PlannedStart, a.PlannedEnd, a.StateCode, a.City, a.Online,
        new ParticipantsView(a.PlannedWomen, a.PlannedMen, a.PlannedOther), a.TargetInstitutions,
        new BudgetView(a.ExpertsUsd, a.TravelUsd, a.VenueUsd, a.TranslationUsd, a.OtherUsd, a.BudgetUsd),
        a.DeliveredAt is { } at
            ? new DeliveryView(a.ActualStart!.Value, a.ActualEnd!.Value, new ParticipantsView(a.ActualWomen, a.ActualMen, a.ActualOther),
                a.ParticipantsByInstitution, a.EvaluationScore, a.SpentUsd ?? a.BudgetUsd, a.DisbursedUsd, at)
            : null);
}
