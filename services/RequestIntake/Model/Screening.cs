using Microsoft.EntityFrameworkCore;
using Programmes.RequestIntake.Persistence;

namespace Programmes.RequestIntake.Model;

/// <summary>What staff are shown when a request enters screening, whether the State submitted it or endorsed a referral.</summary>
public static class Screening
{
    /// <summary>
    /// Open requests of the same State that overlap in thematic area and period. A request with no desired
    /// period overlaps every period: the officer decides.
    /// </summary>
    public static Task<List<Guid>> PossibleDuplicatesAsync(IntakeDb db, AssistanceRequest request, CancellationToken cancellationToken)
    {
        var areas = request.ThematicAreas.ToArray();
        var start = request.DesiredStart;
        var end = request.DesiredEnd;
        return db.Requests
            .Where(r => r.StateCode == request.StateCode && r.Id != request.Id
                && AssistanceRequest.Open.Contains(r.Status) && r.Status != RequestStatus.AwaitingStateEndorsement
                && r.ThematicAreas.Any(a => areas.Contains(a))
                && (start == null || r.DesiredEnd == null || r.DesiredEnd >= start)
                && (end == null || r.DesiredStart == null || r.DesiredStart <= end))
            .OrderBy(r => r.SubmittedAt)
            .Select(r => r.Id)
            .Take(20)
            .ToListAsync(cancellationToken);
    }
}
