using Microsoft.EntityFrameworkCore;
using Programmes.Auditing;
using Programmes.ProgrammePlanning.FundingProgramme;
using Programmes.ProgrammePlanning.Model;
using Programmes.ProgrammePlanning.PlanningIntake;
using Programmes.ProgrammePlanning.RecordingResults;

namespace Programmes.ProgrammePlanning.Persistence;

/// <summary>
/// What planning's audit records: programmes (status, budget, reviews, clearance, funding), their activities,
/// delivery and results, funding received and accepted requests. A State reads the entries on its own programmes.
/// </summary>
internal static class PlanningAudit
{
    public static void Track(AuditRules<PlanningDb> audit) => audit
        .Track<Programme>("programme", p => p.Id, p => p.StateCodes.Select(AuditReaders.State),
            nameof(Programme.Status), nameof(Programme.BudgetUsd), nameof(Programme.StatusReason), nameof(Programme.ComplianceOutcome),
            nameof(Programme.GenderMarker), nameof(Programme.ChildrenConcerned), nameof(Programme.Cleared), nameof(Programme.ConcernsOpen),
            nameof(Programme.FullyFunded))
        .Track<Activity>("activity", a => a.Id, (a, db) => StatesOf(db, a.ProgrammeId),
            nameof(Activity.ProgrammeId), nameof(Activity.Title), nameof(Activity.BudgetUsd), nameof(Activity.PlannedStart), nameof(Activity.PlannedEnd),
            nameof(Activity.DeliveredAt), nameof(Activity.ActualStart), nameof(Activity.ActualEnd), nameof(Activity.SpentUsd))
        .Track<ProgrammeResult>("result", r => r.Id, (r, db) => StatesOf(db, r.ProgrammeId),
            nameof(ProgrammeResult.ProgrammeId), nameof(ProgrammeResult.Kind), nameof(ProgrammeResult.StateCode), nameof(ProgrammeResult.InstrumentCode),
            nameof(ProgrammeResult.RatificationStatus), nameof(ProgrammeResult.Count), nameof(ProgrammeResult.Date))
        .Track<FundingMovement>("funding-movement", m => m.AllocationId, (m, db) => StatesOf(db, m.ProgrammeId),
            nameof(FundingMovement.ProgrammeId), nameof(FundingMovement.Kind), nameof(FundingMovement.DonorId), nameof(FundingMovement.AmountUsd),
            nameof(FundingMovement.SupportCostUsd))
        .Track<PlanningIntakeItem>("request", i => i.RequestId, i => [AuditReaders.State(i.StateCode)],
            nameof(PlanningIntakeItem.StateCode), nameof(PlanningIntakeItem.AcceptedAt));

    /// <summary>The programme's States: from the programme the command loaded, else from the database.</summary>
    private static IEnumerable<string> StatesOf(PlanningDb db, Guid programmeId) =>
        (db.Programmes.Local.FirstOrDefault(p => p.Id == programmeId)?.StateCodes
            ?? db.Programmes.AsNoTracking().Where(p => p.Id == programmeId).Select(p => p.StateCodes).FirstOrDefault()
            ?? []).Select(AuditReaders.State);
}
