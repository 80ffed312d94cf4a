using Microsoft.EntityFrameworkCore;
using Programmes.PartnerCoordination.DeclaringActivities;
using Programmes.PartnerCoordination.Persistence;

namespace Programmes.PartnerCoordination.ClearingProgramme;

/// <summary>
/// Same State, same thematic area, overlapping dates (both ends inclusive: an activity ending the day
/// before another starts is adjacent, not overlapping). A regional activity without a State counts for
/// every State of its programme.
/// </summary>
public static class OverlapDetection
{
    public static IEnumerable<DetectedOverlap> Detect(ClearanceRound round, IEnumerable<DeclaredActivity> declared) =>
        from activity in round.Activities
        from state in activity.StateCode is null ? round.StateCodes : [activity.StateCode]
        from other in declared
        where other.Status == DeclaredActivityStatus.Planned
            && other.StateCode == state
            && other.ThematicArea == activity.ThematicArea
            && other.StartDate <= activity.PlannedEnd && activity.PlannedStart <= other.EndDate
        select new DetectedOverlap
        {
            RoundId = round.Id,
            ProgrammeActivityId = activity.ActivityId,
            DeclaredActivityId = other.Id,
            PartnerCode = other.PartnerCode,
            StateCode = state,
            ThematicArea = activity.ThematicArea,
            From = Max(activity.PlannedStart, other.StartDate),
            To = Min(activity.PlannedEnd, other.EndDate),
        };

    /// <summary>Declared activities that could overlap a round: same States and thematic areas.</summary>
    public static Task<List<DeclaredActivity>> CandidatesAsync(CoordinationDb db, ClearanceRound round, CancellationToken cancellationToken)
    {
        var areas = round.Activities.Select(a => a.ThematicArea).Distinct().ToList();
        return db.DeclaredActivities
            .Where(a => a.Status == DeclaredActivityStatus.Planned && round.StateCodes.Contains(a.StateCode) && areas.Contains(a.ThematicArea))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A declared activity changed: its overlaps with every open round are found again.</summary>
    public static async Task RefreshOpenRoundsAsync(CoordinationDb db, DeclaredActivity changed, CancellationToken cancellationToken)
    {
        var rounds = await db.ClearanceRounds.Include(r => r.Overlaps)
            .Where(r => r.Status == RoundStatus.Open && r.StateCodes.Contains(changed.StateCode))
            .ToListAsync(cancellationToken);
        foreach (var round in rounds)
        {
            round.Overlaps.RemoveAll(o => o.DeclaredActivityId == changed.Id);
            round.Overlaps.AddRange(Detect(round, [changed]));
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
